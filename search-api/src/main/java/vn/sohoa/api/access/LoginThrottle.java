package vn.sohoa.api.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Slows guessing: after {@value #MAX_FAILURES} failed sign-ins to one account within the lock time
 * (or {@value #MAX_FAILURES_FROM_ADDRESS} from one address, to any accounts), further attempts are
 * refused until the lock time has passed since the last failure, whether the password is right or not.
 * A name or address is forgotten once the lock time has passed since it was last tried: names tried
 * at random do not pile up.
 */
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    /** From one address, which may be a whole office behind one router, more failures are allowed. */
    static final int MAX_FAILURES_FROM_ADDRESS = 20;

    private final Duration lock;
    private final Cache<String, Deque<Instant>> failures;

    public LoginThrottle(Duration lock) {
        this.lock = lock;
        this.failures = Caffeine.newBuilder().expireAfterAccess(lock).build();
    }

    /** When the account or the address may try again, if either is locked now. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = Instant.now();
        return java.util.stream.Stream.of("user:" + username, "address:" + address)
                .map(key -> lockedUntil(key, now, key.startsWith("user:") ? MAX_FAILURES : MAX_FAILURES_FROM_ADDRESS))
                .flatMap(Optional::stream).max(Instant::compareTo);
    }

    public void failed(String username, String address) {
        Instant now = Instant.now();
        for (String key : new String[] {"user:" + username, "address:" + address}) {
            Deque<Instant> times = failures.get(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > MAX_FAILURES_FROM_ADDRESS) {
                    times.removeFirst();
                }
            }
        }
    }

    public void succeeded(String username) {
        failures.invalidate("user:" + username);
    }

    /** How many names and addresses it remembers now. */
    long remembered() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    private Optional<Instant> lockedUntil(String key, Instant now, int allowed) {
        Deque<Instant> times = failures.getIfPresent(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            if (times.size() < allowed) {
                return Optional.empty();
            }
            Instant firstOfLast = times.stream().skip(times.size() - allowed).findFirst().orElseThrow();
            if (firstOfLast.plus(lock).isBefore(now)) {
                return Optional.empty();
            }
            Instant until = times.peekLast().plus(lock);
            return until.isAfter(now) ? Optional.of(until) : Optional.empty();
        }
    }
}
