package dev.secretsprawl.verify.redis;

/**
 * Where and as whom a Redis password logs in.
 *
 * @param user empty when none is written: the password is then the {@code default} user's
 *             ({@code requirepass}), sent with the one-argument AUTH every Redis version understands
 */
public record RedisTarget(String host, int port, boolean tls, String user, String password) {
    static final int DEFAULT_PORT = 6379;

    public boolean namedUser() {
        return !user.isEmpty() && !"default".equals(user);
    }

    public String userLabel() {
        return user.isEmpty() ? "default" : user;
    }

    public String address() {
        return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return (tls ? "rediss://" : "redis://") + userLabel() + "@" + address();
    }
}
