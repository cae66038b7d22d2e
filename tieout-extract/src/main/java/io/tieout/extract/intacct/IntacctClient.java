package io.tieout.extract.intacct;

import io.tieout.extract.ExtractException;
import io.tieout.extract.SourceStats;
import io.tieout.extract.http.HttpTransport;
import io.tieout.extract.http.RetryPolicy;
import io.tieout.extract.http.Sleeper;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks to Intacct's XML Web Services gateway: builds the dtdversion 3.0 envelope (control block with
 * the sender, a login or the session id, one function with its own controlid), posts it through the
 * shared {@link HttpTransport} (retries on network errors, 429 and 5xx), parses the answer with the
 * JDK's XML parser (no DTDs, no external entities) and checks the three levels in order — control,
 * authentication, function — turning a failure into an {@link IntacctException} that names the
 * level, quotes Intacct and says what to check.
 *
 * <p>The session comes from {@code getAPISession} (with the configured entity as locationid) on the
 * first call and is re-used, at the endpoint Intacct returned; when Intacct refuses it (expired) the
 * client logs in again once. Control ids are unique per request ({@code tieout-<run>-<n>}) and
 * function ids per function ({@code fn-<n>}); reads send {@code uniqueid=false}.
 *
 * <p>A 200 whose body is not XML (a proxy's HTML page, a cut-off answer) is retried a few times; an
 * answer that is XML but for characters XML 1.0 forbids (control characters in a text field) is
 * read with those characters removed, and the removal reported.
 */
public final class IntacctClient {
    private static final MediaType XML = MediaType.get("application/xml; charset=utf-8");
    private static final int NOT_XML_ATTEMPTS = 3;
    private static final Pattern SUPPORT_ID = Pattern.compile("%5BSupport[^ ]*");

    private final IntacctConfig config;
    private final HttpTransport transport;
    private final SourceStats stats;
    private final Sleeper sleeper;
    private final Consumer<String> notes;
    private final RetryPolicy backoff = RetryPolicy.standard();
    private final String runToken = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong sequence = new AtomicLong();
    private String sessionId;
    private String sessionEndpoint;

    public IntacctClient(IntacctConfig config, HttpTransport transport, SourceStats stats, Sleeper sleeper, Consumer<String> notes) {
        this.config = config;
        this.transport = transport;
        this.stats = stats;
        this.sleeper = sleeper;
        this.notes = notes;
    }

    /** The current session id (opening one if there is none). */
    public synchronized String sessionId() {
        ensureSession();
        return sessionId;
    }

    /** Where calls with the session go: the endpoint getAPISession returned. */
    public synchronized String sessionEndpoint() {
        ensureSession();
        return sessionEndpoint;
    }

    /** The first page of a readByQuery: every field ({@code *}) of the records the query selects. */
    public IntacctPage readByQuery(String object, String query, int pageSize) {
        String fn = "<readByQuery><object>" + esc(object) + "</object><fields>*</fields><query>" + esc(query) + "</query><pagesize>"
                + pageSize + "</pagesize><returnFormat>xml</returnFormat></readByQuery>";
        return page(call("readByQuery " + object, query == null || query.isBlank() ? "query: (none)" : "query: " + query, fn), object);
    }

    /** The next page of the readByQuery that returned {@code resultId}. */
    public IntacctPage readMore(String object, String resultId) {
        String fn = "<readMore><resultId>" + esc(resultId) + "</resultId></readMore>";
        return page(call("readMore " + object, "resultId " + resultId, fn), object);
    }

    /**
     * Runs one function with the session and returns its {@code <result>} once all three levels said
     * success. {@code what} names it in errors ("readByQuery GLDETAIL"), {@code detail} adds context.
     */
    public synchronized Element call(String what, String detail, String functionXml) {
        ensureSession();
        try {
            return send(sessionAuthentication(), functionXml, sessionEndpoint, what, detail);
        } catch (IntacctException e) {
            if (e.level() != IntacctException.Level.AUTHENTICATION) throw e;
            notes.accept(config.sourceName() + ": the session was refused (" + e.errors().stream().map(IntacctException.Error::text)
                    .findFirst().orElse("no reason given") + "); signing in again");
            sessionId = null;
            ensureSession();
            return send(sessionAuthentication(), functionXml, sessionEndpoint, what, detail);
        }
    }

    private void ensureSession() {
        if (sessionId != null) return;
        String fn = "<getAPISession>" + (config.entity() == null ? "" : "<locationid>" + esc(config.entity()) + "</locationid>")
                + "</getAPISession>";
        Element result = send(loginAuthentication(), fn, config.endpoint(), "getAPISession", null);
        Element api = path(result, "data", "api");
        String id = api == null ? null : text(api, "sessionid");
        if (id == null || id.isBlank()) {
            throw new ExtractException(config.sourceName() + ": getAPISession succeeded but returned no <sessionid>");
        }
        String endpoint = text(api, "endpoint");
        sessionId = id.trim();
        sessionEndpoint = endpoint == null || endpoint.isBlank() ? config.endpoint() : endpoint.trim();
    }

    private String loginAuthentication() {
        return "<login><userid>" + esc(config.userId()) + "</userid><companyid>" + esc(config.companyId()) + "</companyid><password>"
                + esc(config.userPassword()) + "</password></login>";
    }

    private String sessionAuthentication() {
        return "<sessionid>" + esc(sessionId) + "</sessionid>";
    }

    // ------------------------------------------------------------------------------------------ one request

    private Element send(String authentication, String functionXml, String url, String what, String detail) {
        long n = sequence.incrementAndGet();
        String controlId = "tieout-" + runToken + "-" + n;
        String functionId = "fn-" + n;
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<request><control><senderid>" + esc(config.senderId())
                + "</senderid><password>" + esc(config.senderPassword()) + "</password><controlid>" + controlId
                + "</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion><includewhitespace>false</includewhitespace>"
                + "</control><operation transaction=\"false\"><authentication>" + authentication + "</authentication><content>"
                + "<function controlid=\"" + functionId + "\">" + functionXml + "</function></content></operation></request>";
        Request request = new Request.Builder().url(url).header("Accept", "application/xml").post(RequestBody.create(body, XML)).build();
        String lastBody = "";
        for (int attempt = 0; attempt < NOT_XML_ATTEMPTS; attempt++) {
            HttpTransport.HttpResult r = transport.send(request, stats, IntacctClient::throttledInBody);
            lastBody = r.body();
            Document doc = parse(lastBody);
            if (doc == null) {
                String clean = withoutForbiddenCharacters(lastBody);
                if (!clean.equals(lastBody) && (doc = parse(clean)) != null) {
                    notes.accept(config.sourceName() + ": " + what + ": removed " + (lastBody.length() - clean.length())
                            + " character(s) XML 1.0 does not allow from Intacct's answer");
                }
            }
            if (doc != null && doc.getDocumentElement().getTagName().equals("response")) return checked(doc, functionId, what, detail);
            if (attempt + 1 < NOT_XML_ATTEMPTS) {
                stats.retry();
                try {
                    sleeper.sleep(backoff.backoff(attempt, null));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ExtractException(config.sourceName() + ": interrupted while waiting to retry", e);
                }
            }
        }
        throw new ExtractException(config.sourceName() + ": " + what + ": the gateway answered " + NOT_XML_ATTEMPTS
                + " times with something that is not an Intacct XML response: " + abbreviate(lastBody));
    }

    /** A 200 carrying a control failure GW-0010 is Intacct's rate limit: retry after a pause. */
    static Duration throttledInBody(String body, okhttp3.Headers headers) {
        return body.contains("<errorno>GW-0010</errorno>") ? Duration.ofSeconds(2) : null;
    }

    private Element checked(Document doc, String functionId, String what, String detail) {
        Element response = doc.getDocumentElement();
        Element control = child(response, "control");
        if (control == null) throw new ExtractException(config.sourceName() + ": " + what + ": Intacct's response has no <control> block");
        if (!"success".equals(trim(text(control, "status")))) {
            throw failure(IntacctException.Level.CONTROL, errors(child(response, "errormessage")), what, detail);
        }
        Element operation = child(response, "operation");
        if (operation == null) throw new ExtractException(config.sourceName() + ": " + what + ": Intacct's response has no <operation> block");
        Element authentication = child(operation, "authentication");
        if (authentication == null || !"success".equals(trim(text(authentication, "status")))) {
            Element messages = child(operation, "errormessage");
            if (messages == null && authentication != null) messages = child(authentication, "errormessage");
            throw failure(IntacctException.Level.AUTHENTICATION, errors(messages), what, detail);
        }
        Element result = null;
        for (Element r : children(operation, "result")) {
            if (result == null || functionId.equals(trim(text(r, "controlid")))) result = r;
        }
        if (result == null) throw new ExtractException(config.sourceName() + ": " + what + ": Intacct's response has no <result>");
        if (!"success".equals(trim(text(result, "status")))) {
            throw failure(IntacctException.Level.FUNCTION, errors(child(result, "errormessage")), what, detail);
        }
        return result;
    }

    private IntacctException failure(IntacctException.Level level, List<IntacctException.Error> errors, String what, String detail) {
        StringBuilder m = new StringBuilder(config.sourceName()).append(": ").append(level.label());
        if (level == IntacctException.Level.FUNCTION) m.append(' ').append(what);
        m.append(": ");
        if (errors.isEmpty()) m.append("failure, with no error message");
        for (int i = 0; i < errors.size(); i++) {
            IntacctException.Error e = errors.get(i);
            if (i > 0) m.append(" / ");
            m.append(e.text().isEmpty() ? "(no description)" : e.text());
            m.append(" (").append(e.errorNo() == null || e.errorNo().isBlank() ? "no error number" : e.errorNo());
            if (e.correction() != null && !e.correction().isBlank()) m.append("; ").append(e.correction().trim());
            m.append(')');
        }
        String hint = hint(level, errors, detail);
        if (!hint.isEmpty()) m.append(" — ").append(hint);
        return new IntacctException(m.toString(), level, errors);
    }

    private String hint(IntacctException.Level level, List<IntacctException.Error> errors, String detail) {
        String all = String.join(" ", errors.stream().map(e -> e.errorNo() + " " + e.text()).toList());
        return switch (level) {
            case CONTROL -> {
                if (all.contains("GW-0010")) yield "Intacct's request limit for the company was reached: run again later";
                if (all.contains("XL03000003")) yield "Intacct could not read the request Tieout sent (a Tieout bug: please report this message)";
                yield "sender id '" + config.senderId() + "' was refused: check credentials.senderId and credentials.senderPassword "
                        + "(the Web Services sender, not the company user)";
            }
            case AUTHENTICATION -> {
                if (all.contains("not authorized")) {
                    yield "ask the administrator of company '" + config.companyId() + "' to authorise sender id '" + config.senderId()
                            + "' (Company > Setup > Company > Security > Web Services authorizations), or check credentials.companyId";
                }
                yield "check credentials.userId '" + config.userId() + "', credentials.userPassword and credentials.companyId '"
                        + config.companyId() + "'" + (config.entity() == null ? "" : ", and entity '" + config.entity() + "'");
            }
            case FUNCTION -> detail == null ? "" : detail;
        };
    }

    private static List<IntacctException.Error> errors(Element errormessage) {
        List<IntacctException.Error> out = new ArrayList<>();
        if (errormessage == null) return out;
        for (Element e : children(errormessage, "error")) {
            out.add(new IntacctException.Error(trim(text(e, "errorno")), trim(text(e, "description")),
                    decodeSupportId(trim(text(e, "description2"))), trim(text(e, "correction"))));
        }
        return out;
    }

    /** description2 often ends with a URL-encoded "[Support ID: …]": shown decoded. */
    static String decodeSupportId(String s) {
        if (s == null) return null;
        Matcher m = SUPPORT_ID.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String decoded;
            try {
                decoded = URLDecoder.decode(m.group(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(decoded));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private IntacctPage page(Element result, String object) {
        Element data = child(result, "data");
        if (data == null) return new IntacctPage(object, 0, 0, 0, "", List.of());
        List<Element> records = new ArrayList<>();
        for (Node n = data.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) records.add(e);
        }
        return new IntacctPage(data.getAttribute("listtype"), integer(data, "count", records.size()), integer(data, "totalcount", -1),
                integer(data, "numremaining", 0), data.getAttribute("resultId"), records);
    }

    private int integer(Element data, String attribute, int absent) {
        String v = data.getAttribute(attribute);
        if (v.isBlank()) return absent;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ExtractException(config.sourceName() + ": Intacct's <data " + attribute + "=\"" + v + "\"> is not a number");
        }
    }

    // ------------------------------------------------------------------------------------------ XML

    /** A parser that reads no DTD and resolves no external entity (XXE-safe). */
    static DocumentBuilder secureBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured securely: " + e.getMessage(), e);
        }
    }

    static Document parse(String xml) {
        try {
            return secureBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            return null;
        }
    }

    /** Drops characters (and character references to them) that XML 1.0 does not allow. */
    static String withoutForbiddenCharacters(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(IntacctClient::allowed).forEach(sb::appendCodePoint);
        Matcher m = Pattern.compile("&#(x[0-9A-Fa-f]+|[0-9]+);").matcher(sb);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String g = m.group(1);
            int cp;
            try {
                cp = g.startsWith("x") ? Integer.parseInt(g.substring(1), 16) : Integer.parseInt(g);
            } catch (NumberFormatException e) {
                cp = -1;
            }
            m.appendReplacement(out, allowed(cp) ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            if (e == null) return null;
            e = child(e, n);
        }
        return e;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
