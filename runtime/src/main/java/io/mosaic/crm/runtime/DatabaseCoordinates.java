package io.mosaic.crm.runtime;

/** Where the platform's database is and how to log in; handed to bundles as framework properties. */
record DatabaseCoordinates(String url, String user, String password) {

    /** The URL without anything after {@code ?}, for printing. */
    String displayUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }
}
