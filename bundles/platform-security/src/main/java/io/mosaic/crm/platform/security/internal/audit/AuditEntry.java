package io.mosaic.crm.platform.security.internal.audit;

/** One audit log entry as the API shows it; {@code at} is ISO-8601 UTC. */
public record AuditEntry(long id, String at, String event, Long actorId, String actor, String subject,
        String remoteAddress, String detail) {
}
