package vn.sohoa.app;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashing in native code where the platform allows it (Amazon Corretto Crypto Provider, first among
 * the JVM's providers). Every object sohoa stores is hashed: the S3 client signs each upload's
 * SHA-256, records are named by their original's, fixity checks re-read them. The JDK's own SHA-256
 * runs as Java code, which the quick compiler sohoa runs with (C1) leaves about ten times slower than
 * the CPU's SHA instructions: measured 3.7 against 0.34 ms for 600 KB. Where the native library cannot
 * load (another CPU or system), the JDK's providers stay.
 */
final class NativeDigests {

    private static final Logger LOG = LoggerFactory.getLogger(NativeDigests.class);

    private NativeDigests() {
    }

    static void install() {
        Throwable notLoaded = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
        if (notLoaded == null) {
            AmazonCorrettoCryptoProvider.install();
        } else {
            LOG.debug("Hashing with the JDK's own code: the native provider did not load ({})", notLoaded.toString());
        }
    }
}
