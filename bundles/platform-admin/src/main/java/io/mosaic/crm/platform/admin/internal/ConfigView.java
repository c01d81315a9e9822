package io.mosaic.crm.platform.admin.internal;

import java.util.Map;

/** A configuration: its PID, its Metatype name, its values (secrets masked) and its file. */
record ConfigView(String pid, String name, Map<String, Object> values, String file) {}
