package io.mosaic.crm.platform.admin.internal;

/** A jar in {@code plugins/}: its bundle identity as its manifest says, and whether it is installed. */
record PluginFile(String file, long size, String symbolicName, String version, boolean installed, Long bundleId) {}
