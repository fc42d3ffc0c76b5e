package vn.sohoa.api.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing: after {@value #MAX_FAILURES} failed sign-ins within the lock time, for one
 * account or from one address, further attempts are refused until the lock time has passed since
 * the last failure, whether the password is right or not.
 */
public class LoginThrottle {

    static final int MAX_FAILURES = 5;

    private final Duration lock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Duration lock) {
        this.lock = lock;
    }

    /** When the account or the address may try again, if either is locked now. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = Instant.now();
        return java.util.stream.Stream.of("user:" + username, "address:" + address)
                .map(key -> lockedUntil(key, now)).flatMap(Optional::stream).max(Instant::compareTo);
    }

    public void failed(String username, String address) {
        Instant now = Instant.now();
        for (String key : new String[] {"user:" + username, "address:" + address}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
                while (times.size() > MAX_FAILURES) {
                    times.removeFirst();
                }
            }
        }
    }

    public void succeeded(String username) {
        failures.remove("user:" + username);
    }

    private Optional<Instant> lockedUntil(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            if (times.size() < MAX_FAILURES || times.peekFirst().plus(lock).isBefore(now)) {
                return Optional.empty();
            }
            Instant until = times.peekLast().plus(lock);
            return until.isAfter(now) ? Optional.of(until) : Optional.empty();
        }
    }
}
