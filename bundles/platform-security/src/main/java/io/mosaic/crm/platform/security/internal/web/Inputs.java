package io.mosaic.crm.platform.security.internal.web;

import java.util.List;

/** Request bodies of the security API, bound strictly (unknown fields are a 422). */
final class Inputs {

    private Inputs() {
    }

    record Login(String username, String password) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    record NewUser(String username, String email, String password, List<String> roles) {
    }

    /** Null fields stay as they are. {@code password} sets a new password (an administrator's reset). */
    record UserChange(String email, Boolean active, Boolean locked, List<String> roles, String password) {
    }

    record NewToken(String name, String scope, String expiresAt) {
    }
}
