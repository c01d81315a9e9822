package io.mosaic.crm.platform.admin.internal;

/** Which jar of {@code plugins/} to install, by file name. */
record PluginInstall(String file) {}
