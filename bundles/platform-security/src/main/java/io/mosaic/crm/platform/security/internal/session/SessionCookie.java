package io.mosaic.crm.platform.security.internal.session;

/**
 * The {@code Set-Cookie} values of the console session: HttpOnly (no script reads it),
 * SameSite=Strict (no other site makes the browser send it), Secure over TLS.
 */
public final class SessionCookie {
    public static final String NAME = "mosaic_session";

    private SessionCookie() {
    }

    public static String set(String value, boolean secure) {
        return NAME + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Tells the browser to forget the cookie. */
    public static String clear(boolean secure) {
        return NAME + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
