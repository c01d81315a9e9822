-- Status changes are announced (Case/STATUS_CHANGED, Case/CLOSED) from the status log when the
-- record kit's outbox delivers the case's CREATED/UPDATED event, so they survive a crash between
-- commit and post like the kit's own events; announced marks the rows whose events were posted.
ALTER TABLE service_case_status_log
    ADD COLUMN previous_status VARCHAR(40) NULL AFTER case_id,
    ADD COLUMN announced BOOLEAN NOT NULL DEFAULT FALSE,
    ADD KEY ix_service_case_status_log_pending (announced, case_id);
