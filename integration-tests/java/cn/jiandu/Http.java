package cn.jiandu;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the end-to-end tests: Basic auth or a webapp session. */
public final class Http {

    private final int port;
    private final ObjectMapper json;
    private final String authorization;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String xsrfToken;

    Http(int port, ObjectMapper json, String user, String password) {
        this.port = port;
        this.json = json;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response postJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
    }

    public Response putJson(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body), StandardCharsets.UTF_8)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Any method, any body (or none), any Content-Type and further headers (name, value, …). */
    public Response exchange(String method, String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return send(builder);
    }

    public Response postCsv(String path, String csv) {
        return postRaw(path, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    public Response postCsv(String path, String csv, Charset charset) {
        return postRaw(path, "text/csv;charset=" + charset.name(), csv.getBytes(charset));
    }

    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Logs into a Camunda webapp the way the browser does: fetch the app (CSRF cookie), post
     * the login form; later requests carry the session cookie and the CSRF header.
     */
    public Response loginToWebapp(String app, String user, String password) {
        get("/camunda/app/" + app + "/");
        Response login = postForm("/camunda/api/admin/auth/user/default/login/" + app,
                Map.of("username", user, "password", password));
        // the CSRF token comes in a header of a non-modifying request after the login
        get("/camunda/api/admin/auth/user/default");
        return login;
    }

    /**
     * Logs in at the one login page as a browser does: fetch the page (its CSRF cookie), post
     * the form with the token and the page asked for. The answer: 302 to that page, or the
     * page again with the reason.
     */
    public Response loginWithForm(String user, String password, String redirect) {
        get("/login");
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("username", user, "password", password,
                "_csrf", String.valueOf(cookie("JIANDU-CSRF"))));
        if (redirect != null) {
            form.put("redirect", redirect);
        }
        return postForm("/login", form);
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, text/html, */*");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        String token = xsrfToken != null ? xsrfToken : cookie("XSRF-TOKEN");
        if (token != null) {
            builder.header("X-XSRF-TOKEN", token);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(t -> xsrfToken = t);
            return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), json,
                    response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String toJson(Object body) {
        try {
            return body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, body as text and as JSON. */
    public record Response(int status, String body, ObjectMapper mapper, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            try {
                return mapper.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
