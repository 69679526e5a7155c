package dev.dkimagent.agent.store;

/** A JDBC URL as it may appear in messages and logs: no parameters, no user info. */
final class SafeUrl {

    private SafeUrl() {
    }

    /**
     * The URL without query parameters or H2 options ({@code ?password=...}, {@code ;PASSWORD=...})
     * and without a {@code user:password@} before the host, any of which may carry credentials.
     */
    static String of(String jdbcUrl) {
        return withoutUserInfo(withoutParameters(jdbcUrl));
    }

    private static String withoutParameters(String jdbcUrl) {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return jdbcUrl.substring(0, cut);
    }

    private static String withoutUserInfo(String url) {
        int authority = url.indexOf("//");
        if (authority < 0) {
            return url;
        }
        int hostStart = authority + 2;
        int pathStart = url.indexOf('/', hostStart);
        int authorityEnd = pathStart < 0 ? url.length() : pathStart;
        int at = url.lastIndexOf('@', authorityEnd - 1);
        return at < hostStart ? url : url.substring(0, hostStart) + url.substring(at + 1);
    }
}
