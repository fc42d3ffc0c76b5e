package vn.sohoa.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void fiveFailuresLockTheAccountButNotAnotherFromTheSameAddress() {
        LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(15));
        for (int i = 0; i < 4; i++) {
            throttle.failed("an", "10.0.0.5");
        }
        assertFalse(throttle.lockedUntil("an", "10.0.0.5").isPresent());
        throttle.failed("an", "10.0.0.5");
        assertTrue(throttle.lockedUntil("an", "10.0.0.9").isPresent(), "the account, from anywhere");
        assertFalse(throttle.lockedUntil("binh", "10.0.0.5").isPresent(), "another account from that address");
    }

    @Test
    void manyFailuresFromOneAddressLockIt() {
        LoginThrottle throttle = new LoginThrottle(Duration.ofMinutes(15));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_FROM_ADDRESS; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertTrue(throttle.lockedUntil("someone-else", "10.0.0.7").isPresent());
        assertFalse(throttle.lockedUntil("someone-else", "10.0.0.8").isPresent());
    }

    @Test
    void theLockEndsWhenItsTimeHasPassed() throws Exception {
        LoginThrottle throttle = new LoginThrottle(Duration.ofMillis(200));
        for (int i = 0; i < 5; i++) {
            throttle.failed("an", "10.0.0.5");
        }
        assertTrue(throttle.lockedUntil("an", "10.0.0.5").isPresent());
        Thread.sleep(300);
        assertFalse(throttle.lockedUntil("an", "10.0.0.5").isPresent());
    }

    @Test
    void namesTriedAtRandomAreForgottenOnceTheirLockTimeHasPassed() throws Exception {
        LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(1));
        for (int i = 0; i < 2_000; i++) {
            throttle.failed("guess" + i, "10.0.0." + (i % 250));
        }
        assertTrue(throttle.remembered() > 0);
        Thread.sleep(1500);
        assertEquals(0, throttle.remembered());
    }
}
