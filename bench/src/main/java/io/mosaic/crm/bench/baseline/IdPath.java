package io.mosaic.crm.bench.baseline;

/** The last path segment as a positive decimal id, or -1. */
final class IdPath {
    private IdPath() {
    }

    static long parse(String path) {
        int slash = path.lastIndexOf('/');
        String digits = path.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        long id = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            id = id * 10 + (c - '0');
        }
        return id;
    }
}
