package io.mosaic.crm.platform.admin.internal;

/** A module as the admin API shows it. */
record ModuleView(
        String id,
        String name,
        String version,
        String basePath,
        String state,
        boolean enabled,
        boolean core,
        long bundleId,
        String symbolicName,
        int startLevel) {}
