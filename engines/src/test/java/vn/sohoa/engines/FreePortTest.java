package vn.sohoa.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortTest {

    @Test
    void aPortIsHandedOutOnceEvenWhenTheSystemOffersItAgain() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ports.add(FreePort.onLoopback());
        }
        assertEquals(2000, ports.size());
    }
}
