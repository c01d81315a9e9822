package io.mosaic.crm.platform.admin.internal;

/** A bundle jar sent in a JSON body: its file name (informative) and its bytes in standard Base64. */
record JarUpload(String fileName, String content) {}
