package io.tieout.api.http;

/**
 * An RFC 9457 problem detail. parameter names the request parameter at fault (bad-parameter only);
 * errorId ties a 500 to its log line. Null fields are left out of the JSON.
 */
public record Problem(String type, String title, int status, String detail, String parameter, String errorId) {

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
    }

    public static Problem badParameter(String parameter, String detail) {
        ProblemType t = ProblemType.BAD_PARAMETER;
        return new Problem(t.uri(), t.title(), t.status(), detail, parameter, null);
    }

    public static Problem httpError(int status, String title, String detail) {
        return new Problem(ProblemType.HTTP_ERROR.uri(), title, status, detail, null, null);
    }

    public static Problem internalError(String errorId) {
        ProblemType t = ProblemType.INTERNAL_ERROR;
        return new Problem(t.uri(), t.title(), t.status(),
                "The server could not answer this request; the error was logged with id " + errorId + ".", null, errorId);
    }
}
