package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.sdk.error.FieldProblem;
import java.util.List;
import java.util.regex.Pattern;

/** Field rules shared by the security routes. */
final class Checks {
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 1024;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}");

    private Checks() {
    }

    static void username(String name, List<FieldProblem> problems) {
        if (name == null || !USERNAME.matcher(name).matches()) {
            problems.add(new FieldProblem("username", "2-100 characters: letters, digits, '.', '_', '@', '-'"));
        }
    }

    static void email(String email, List<FieldProblem> problems) {
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new FieldProblem("email", "not an e-mail address"));
        }
    }

    static void password(String field, String password, String username, List<FieldProblem> problems) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            problems.add(new FieldProblem(field, "between " + MIN_PASSWORD + " and " + MAX_PASSWORD + " characters"));
        } else if (password.equalsIgnoreCase(username)) {
            problems.add(new FieldProblem(field, "must differ from the user name"));
        }
    }
}
