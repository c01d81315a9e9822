package io.mosaic.crm.platform.security.internal.session;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.login.UserPrincipal;
import io.mosaic.crm.platform.security.internal.user.RoleRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in by session cookie, and the session's life: opened with a fresh id at every sign-in (so a
 * planted id is worthless), ended when idle or too old, at logout, or when the password changes.
 */
public final class SessionLogin {
    private final SessionRepository sessions;
    private final RoleRepository roles;
    private final Clock clock;
    private final AuditLog audit;
    private volatile SessionPolicy policy;

    public SessionLogin(SessionRepository sessions, RoleRepository roles, Clock clock, AuditLog audit,
            SessionPolicy policy) {
        this.sessions = sessions;
        this.roles = roles;
        this.clock = clock;
        this.audit = audit;
        this.policy = policy;
    }

    /** Applies new timeouts at once, also to open sessions. */
    public void policy(SessionPolicy policy) {
        this.policy = policy;
    }

    public Optional<UserPrincipal> login(String cookie) {
        Optional<StoredSession> found = sessions.find(cookie);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredSession session = found.get();
        Instant now = clock.instant();
        SessionPolicy current = policy;
        if (!now.isBefore(session.lastSeenAt().plus(current.idle()))
                || !now.isBefore(session.createdAt().plus(current.absolute())) || !session.userEnabled()) {
            sessions.close(session.id());
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(current.touchInterval()))) {
            sessions.touch(session.id(), now);
        }
        var access = roles.accessOf(session.userId());
        return Optional.of(UserPrincipal.of(session.userId(), session.userName(), access, access.grants(),
                UserPrincipal.Via.SESSION).inSession(session.id(), session.csrfToken()));
    }

    /** Opens a session for a user who just proved their password; ends the session they came with, if any. */
    public SessionRepository.Opened open(UserPrincipal user, String previousCookie, String remoteAddress) {
        sessions.find(previousCookie).ifPresent(old -> sessions.close(old.id()));
        Instant now = clock.instant();
        SessionPolicy current = policy;
        sessions.purge(now.minus(current.idle()), now.minus(current.absolute()));
        SessionRepository.Opened opened = sessions.open(user.userId(), remoteAddress);
        audit.record("session.opened", user.userId(), user.name(), user.name(), remoteAddress, null);
        return opened;
    }

    public void close(UserPrincipal user, String remoteAddress) {
        if (user.sessionId() != 0 && sessions.close(user.sessionId())) {
            audit.record("session.closed", user.userId(), user.name(), user.name(), remoteAddress, null);
        }
    }

    /** Ends every other session of the user (after a password change); 0 ends all. */
    public int closeOthers(long userId, long keepSessionId) {
        return sessions.closeOthers(userId, keepSessionId);
    }
}
