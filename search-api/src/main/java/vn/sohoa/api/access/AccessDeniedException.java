package vn.sohoa.api.access;

/**
 * A request the guard turns away: 401 when nobody signed in, 403 when the user's role may not do
 * it or a browser request lacks its CSRF token, 429 when sign-in is locked. The message is for people, in Vietnamese.
 */
public class AccessDeniedException extends Exception {

    private final int status;
    private final String code;

    public AccessDeniedException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static AccessDeniedException notSignedIn() {
        return new AccessDeniedException(401, "unauthorized",
                "Bạn cần đăng nhập (hoặc gửi mã truy cập trong tiêu đề Authorization: Bearer).");
    }

    public static AccessDeniedException forbidden() {
        return new AccessDeniedException(403, "forbidden", "Vai trò của bạn không được phép làm việc này.");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
