package io.tieout.api.http;

/** The kinds of problem the API answers with (RFC 9457 "type"), each with its status and title. */
public enum ProblemType {
    BAD_PARAMETER("bad-parameter", 400, "Bad request parameter"),
    BAD_BODY("bad-body", 400, "Bad request body"),
    UNAUTHORIZED("unauthorized", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Insufficient role"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    CONFLICT("conflict", 409, "Conflict"),
    UNAVAILABLE("unavailable", 503, "Service unavailable"),
    HTTP_ERROR("http-error", 0, "HTTP error"),
    INTERNAL_ERROR("internal-error", 500, "Internal server error");

    private static final String BASE = "urn:tieout:problem:";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String uri() {
        return BASE + slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
