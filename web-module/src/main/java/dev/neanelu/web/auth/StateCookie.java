package dev.neanelu.web.auth;

import dev.neanelu.install.InstallService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The OAuth state cookie: {@code HttpOnly}, {@code SameSite=Lax} (sent on Shopify's top-level redirect back, not on
 * cross-site subrequests), 60 s, scoped to the callback path, {@code Secure} when the app is served over HTTPS.
 * Written as a header because the attribute order and SameSite must be exactly this.
 */
final class StateCookie {

  static final String NAME = "neanelu_oauth_state";

  private StateCookie() {}

  static void set(HttpServletResponse response, String value, boolean secure) {
    response.addHeader("Set-Cookie", cookie(value, 60, secure));
  }

  static void clear(HttpServletResponse response, boolean secure) {
    response.addHeader("Set-Cookie", cookie("", 0, secure));
  }

  static String read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (NAME.equals(cookie.getName())) {
          return cookie.getValue();
        }
      }
    }
    return null;
  }

  private static String cookie(String value, int maxAge, boolean secure) {
    return NAME + "=" + value + "; Max-Age=" + maxAge + "; Path=" + InstallService.CALLBACK_PATH
        + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
  }
}
