package io.mosaic.crm.platform.tuning.internal.change;

/** A value to set: {@code value} null removes the key so its default applies; secrets are recorded masked. */
public record Edit(String pid, String key, String value, boolean secret) {}
