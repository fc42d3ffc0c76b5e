package vn.sohoa.api.access;

import java.security.SecureRandom;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** Password hashing with Argon2id (Spring Security's encoder over BouncyCastle), and passwords made for people. */
public final class Passwords {

    /** Letters and digits that cannot be mistaken for each other when read off a screen. */
    private static final String READABLE = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int MIN_LENGTH = 10;

    private static final Argon2PasswordEncoder ENCODER = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    public static String hash(String password) {
        return ENCODER.encode(password);
    }

    public static boolean matches(String password, String hash) {
        return password != null && hash != null && ENCODER.matches(password, hash);
    }

    public static String random() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(READABLE.charAt(RANDOM.nextInt(READABLE.length())));
        }
        return password.toString();
    }

    /** Why a new password is refused, in Vietnamese; null when it is acceptable. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "Mật khẩu phải có ít nhất " + MIN_LENGTH + " ký tự.";
        }
        return null;
    }
}
