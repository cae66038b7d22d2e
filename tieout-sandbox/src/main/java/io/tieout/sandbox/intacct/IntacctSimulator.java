package io.tieout.sandbox.intacct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.tieout.sandbox.payload.IntacctPayloads;
import io.tieout.sandbox.scenario.SourceRecord;
import io.tieout.sandbox.sim.FaultPlan;
import io.tieout.sandbox.sim.SimulatorServer;
import io.tieout.sandbox.sim.SimulatorServer.Reply;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Sage Intacct's XML Web Services gateway on loopback: {@code POST /ia/xml/xmlgw.phtml} with the
 * dtdversion 3.0 request envelope (control block with sender credentials, operation with a login or
 * a session id, content of functions each with its own controlid), answering {@code getAPISession},
 * {@code readByQuery} and {@code readMore} from a scenario's Intacct records.
 *
 * <p>Records are the scenario's JSON (XML element names, text values, nested elements nested) and
 * are rendered back to XML, one element per record named after the object. Real Intacct records
 * always carry WHENMODIFIED: a record whose payload lacks it gets it from its {@code updatedAt}.
 *
 * <p>Failures come at the three levels of the real gateway, each in the shape Intacct uses: control
 * (bad sender credentials, a request that is not valid for the DTD: {@code <control><status>failure}
 * and a top-level {@code <errormessage>}), authentication (bad user, company, entity or session:
 * {@code <authentication><status>failure} and {@code <operation><errormessage>}) and function
 * (unknown object, bad query, bad page size, unknown resultId: {@code <result><status>failure} with
 * its {@code <errormessage>}). Requests beyond the concurrency limit (default 2, as Domo assumes per
 * company; Intacct publishes no number) or an optional per-minute limit get HTTP 429 with a control
 * failure {@code GW-0010}.
 */
public final class IntacctSimulator implements AutoCloseable {
    public static final String PATH = "/ia/xml/xmlgw.phtml";

    /** Objects the gateway knows (answers an empty list for, when the scenario has none). */
    public static final Set<String> KNOWN_OBJECTS = Set.of("GLDETAIL", "GLBATCH", "GLENTRY", "SODOCUMENT", "SODOCUMENTENTRY",
            "ARINVOICE", "ARINVOICEITEM", "ARADJUSTMENT", "ARADJUSTMENTITEM", "ARPAYMENT", "ARPYMT", "CUSTOMER", "ITEM",
            "CLASS", "DEPARTMENT", "LOCATION", "PROJECT", "LOCATIONENTITY", "VENDOR", "EMPLOYEE", "GLACCOUNT", "WAREHOUSE", "TASK");

    private static final Set<String> ALWAYS_QUERYABLE = Set.of("RECORDNO", "WHENMODIFIED", "WHENCREATED");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** One function call the simulator answered (or refused), for tests to inspect. */
    public record Call(String function, String object, String query, Integer pageSize, String resultId,
                       String locationId, boolean viaSession, String controlId) {}

    private record Session(String id, String userId, String locationId) {}

    /** A record as served, with its payload parsed once (null when the payload is not a JSON object). */
    private record Stored(SourceRecord record, JsonNode json) {}

    private static final class ResultSet {
        final String object;
        final List<String> ids;
        final Set<String> fields;
        final int pageSize;
        final String sessionId;
        int next;

        ResultSet(String object, List<String> ids, Set<String> fields, int pageSize, String sessionId) {
            this.object = object;
            this.ids = ids;
            this.fields = fields;
            this.pageSize = pageSize;
            this.sessionId = sessionId;
        }
    }

    private final IntacctCredentials expected;
    private final FaultPlan faults = new FaultPlan();
    private final Map<String, LinkedHashMap<String, Stored>> records = new LinkedHashMap<>();
    private final Map<String, Set<String>> fieldsByObject = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, ResultSet> resultSets = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong minuteRequests = new AtomicLong();
    private volatile long minute = Long.MIN_VALUE;
    private volatile int concurrencyLimit = 2;
    private volatile int perMinuteLimit = 0;
    private volatile Clock clock = Clock.systemUTC();
    private final SimulatorServer server;

    private IntacctSimulator(int port, List<SourceRecord> initial, IntacctCredentials expected) {
        this.expected = expected;
        for (SourceRecord r : initial) store(r);
        this.server = SimulatorServer.start(port, faults, this::handle);
    }

    /** Starts on 127.0.0.1 (port 0 picks a free one) serving these records (the scenario's Intacct ones). */
    public static IntacctSimulator start(int port, List<SourceRecord> records, IntacctCredentials expected) {
        return new IntacctSimulator(port, records, expected);
    }

    public String baseUrl() { return server.baseUrl(); }

    public String endpoint() { return server.baseUrl() + PATH; }

    public int port() { return server.port(); }

    public FaultPlan faults() { return faults; }

    /** Every function call so far, in order. */
    public List<Call> calls() { return List.copyOf(calls); }

    /** At most this many requests in flight at once; more get 429 / GW-0010. */
    public IntacctSimulator concurrencyLimit(int limit) {
        this.concurrencyLimit = limit;
        return this;
    }

    /** At most this many requests per clock minute (0 = no limit); more get 429 / GW-0010. */
    public IntacctSimulator perMinuteLimit(int limit, Clock minuteClock) {
        this.perMinuteLimit = limit;
        this.clock = minuteClock;
        return this;
    }

    /** Ends every session, as a session timeout does: the next call with a session id fails authentication. */
    public void expireSessions() {
        sessions.clear();
    }

    /** Adds or replaces a record (same object and id), also while a connector is paging. */
    public void put(SourceRecord record) {
        store(record);
    }

    /** The records as served (WHENMODIFIED filled in), in the order readByQuery lists them. */
    public synchronized List<SourceRecord> records() {
        List<SourceRecord> out = new ArrayList<>();
        records.values().forEach(m -> m.values().forEach(st -> out.add(st.record())));
        return out;
    }

    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------------------------------ state

    private synchronized void store(SourceRecord r) {
        String payload = r.payload();
        JsonNode n = parseJson(payload);
        if (n instanceof ObjectNode o && !o.has("WHENMODIFIED")) {
            o.put("WHENMODIFIED", IntacctPayloads.timestamp(r.updatedAt()));
            try {
                payload = JSON.writeValueAsString(o);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        // a payload that is not a JSON object is kept as is and served as the element's text
        String object = r.object().toUpperCase();
        records.computeIfAbsent(object, k -> new LinkedHashMap<>())
                .put(r.id(), new Stored(new SourceRecord(r.source(), object, r.id(), r.updatedAt(), payload), n));
        fieldsByObject.remove(object);
    }

    private synchronized List<String> matching(String object, Predicate<JsonNode> query, String locationId) {
        List<String> ids = new ArrayList<>();
        for (Stored st : records.getOrDefault(object, new LinkedHashMap<>()).values()) {
            JsonNode n = st.json();
            if (n == null) continue;
            if (!visible(object, n, locationId)) continue;
            if (query.test(n)) ids.add(st.record().id());
        }
        return ids;
    }

    private synchronized Stored stored(String object, String id) {
        LinkedHashMap<String, Stored> m = records.get(object);
        return m == null ? null : m.get(id);
    }

    private synchronized Set<String> queryableFields(String object) {
        return fieldsByObject.computeIfAbsent(object, o -> {
            Set<String> fields = new TreeSet<>(ALWAYS_QUERYABLE);
            if (o.equals("GLDETAIL")) fields.add("ENTRY_DATE");
            for (Stored st : records.getOrDefault(o, new LinkedHashMap<>()).values()) {
                if (st.json() != null) collectFields(st.json(), "", fields);
            }
            return fields;
        });
    }

    private static void collectFields(JsonNode n, String prefix, Set<String> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) collectFields(e.getValue(), prefix + e.getKey() + ".", out);
            else out.add(prefix + e.getKey());
        }
    }

    /** In an entity session, records private to another entity are not visible (top-level ones are). */
    private static boolean visible(String object, JsonNode n, String locationId) {
        if (locationId == null || locationId.isEmpty()) return true;
        String entity = IntacctQuery.text(n, object.equals("GLDETAIL") ? "CHILDENTITY" : "MEGAENTITYID");
        return entity == null || entity.isEmpty() || entity.equals(locationId);
    }

    private synchronized Set<String> entities() {
        Set<String> out = new TreeSet<>();
        for (Stored st : records.getOrDefault("LOCATIONENTITY", new LinkedHashMap<>()).values()) {
            JsonNode n = st.json();
            String id = n == null ? null : IntacctQuery.text(n, "LOCATIONID");
            if (id != null) out.add(id);
        }
        return out;
    }

    private static JsonNode parseJson(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return n instanceof ObjectNode ? n : null;
        } catch (Exception e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------ HTTP

    private Reply handle(HttpExchange ex, String body) {
        if (!ex.getRequestURI().getPath().equals(PATH)) return new Reply(404, "text/html", "<html><body>Not Found</body></html>", Map.of());
        if (!ex.getRequestMethod().equals("POST")) {
            return new Reply(405, "text/html", "<html><body>Method Not Allowed: the XML gateway takes POST only</body></html>", Map.of());
        }
        if (inFlight.incrementAndGet() > concurrencyLimit) {
            inFlight.decrementAndGet();
            return throttled("concurrent");
        }
        try {
            if (perMinuteLimit > 0) {
                long m = clock.millis() / 60_000;
                synchronized (this) {
                    if (m != minute) {
                        minute = m;
                        minuteRequests.set(0);
                    }
                }
                if (minuteRequests.incrementAndGet() > perMinuteLimit) return throttled("per-minute");
            }
            return xml(200, answer(body));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Reply throttled(String which) {
        return xml(429, controlFailure("", "", error("GW-0010", "Too many requests",
                "The " + which + " request limit for this company has been exceeded.", "Wait and retry the request.")));
    }

    private static Reply xml(int status, String body) {
        return new Reply(status, "application/xml; charset=utf-8", body, Map.of());
    }

    private String answer(String body) {
        Document doc;
        try {
            doc = parse(body);
        } catch (Exception e) {
            return controlFailure("", "", error("XL03000003", "XML Parse error",
                    "The request is not well-formed XML: " + e.getMessage(), "Send a valid request document."));
        }
        Element request = doc.getDocumentElement();
        Element control = child(request, "control");
        if (!request.getTagName().equals("request") || control == null) {
            return controlFailure("", "", schemaError("the request must be a <request> with a <control> block"));
        }
        String senderId = text(control, "senderid");
        String controlId = text(control, "controlid");
        for (String required : List.of("senderid", "password", "controlid", "uniqueid", "dtdversion")) {
            if (child(control, required) == null) {
                return controlFailure(nvl(senderId), nvl(controlId), schemaError("<control> is missing <" + required + ">"));
            }
        }
        if (controlId.isEmpty() || controlId.length() > 256) {
            return controlFailure(senderId, controlId, schemaError("<controlid> must be 1 to 256 characters"));
        }
        if (!"3.0".equals(text(control, "dtdversion"))) {
            return controlFailure(senderId, controlId, schemaError("dtdversion '" + text(control, "dtdversion") + "' is not 3.0"));
        }
        if (!senderId.equals(expected.senderId()) || !text(control, "password").equals(expected.senderPassword())) {
            return controlFailure(senderId, controlId, error("XL03000006", "", "Incorrect Intacct XML Partner ID or password.", ""));
        }
        String controlEcho = controlBlock("success", senderId, controlId, text(control, "uniqueid"));
        Element operation = child(request, "operation");
        Element authentication = operation == null ? null : child(operation, "authentication");
        Element content = operation == null ? null : child(operation, "content");
        if (authentication == null || content == null) {
            return controlFailure(senderId, controlId, schemaError("<operation> needs <authentication> and <content>"));
        }
        List<Element> functions = children(content, "function");
        for (Element f : functions) {
            if (f.getAttribute("controlid").isEmpty()) {
                return controlFailure(senderId, controlId, schemaError("every <function> needs a controlid attribute"));
            }
            Element call = firstElement(f);
            if (call == null || !Set.of("getAPISession", "readByQuery", "readMore").contains(call.getTagName())) {
                return controlFailure(senderId, controlId, schemaError("function <" + (call == null ? "" : call.getTagName())
                        + "> is not supported by this gateway"));
            }
        }

        // ---- authentication
        Session session;
        Element login = child(authentication, "login");
        String sessionId = text(authentication, "sessionid");
        boolean viaSession = login == null;
        if (login != null) {
            String userId = nvl(text(login, "userid"));
            String companyId = nvl(text(login, "companyid"));
            String locationId = emptyToNull(text(login, "locationid"));
            if (!companyId.equals(expected.companyId())) {
                return authFailure(controlEcho, userId, companyId, error("XL03000006", "Invalid Web Services Authorization",
                        "The sender ID '" + senderId + "' is not authorized to make Web Services requests to company ID '" + companyId + "'.",
                        "Contact the company administrator to grant Web Services authorization to this sender ID."));
            }
            if (!userId.equals(expected.userId()) || !nvl(text(login, "password")).equals(expected.userPassword())) {
                return authFailure(controlEcho, userId, companyId, error("XL03000006", "", "Sign-in information is incorrect", ""));
            }
            if (locationId != null && !entities().contains(locationId)) {
                return authFailure(controlEcho, userId, companyId, error("XL03000006", "",
                        "Sign-in information is incorrect: entity '" + locationId + "' does not exist or the user has no access to it", ""));
            }
            session = new Session(null, userId, locationId);
        } else {
            session = sessionId == null ? null : sessions.get(sessionId);
            if (session == null) {
                return authFailure(controlEcho, "", "", error("XL03000006", "", "Invalid session: the session has expired or does not exist", ""));
            }
        }
        String authBlock = "<authentication><status>success</status><userid>" + esc(session.userId()) + "</userid><companyid>"
                + esc(expected.companyId()) + "</companyid><locationid>" + esc(nvl(session.locationId())) + "</locationid>"
                + "<sessiontimestamp>" + ISO_OFFSET.format(OffsetDateTime.now(Clock.systemUTC())) + "</sessiontimestamp>"
                + "<sessiontimeout>" + ISO_OFFSET.format(OffsetDateTime.now(Clock.systemUTC()).plus(Duration.ofHours(1))) + "</sessiontimeout>"
                + "</authentication>";

        // ---- functions
        StringBuilder results = new StringBuilder();
        for (Element f : functions) {
            results.append(function(f.getAttribute("controlid"), firstElement(f), session, viaSession));
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>" + controlEcho + "<operation>" + authBlock + results
                + "</operation></response>";
    }

    private String function(String fnControlId, Element call, Session session, boolean viaSession) {
        String name = call.getTagName();
        switch (name) {
            case "getAPISession" -> {
                String locationId = emptyToNull(text(call, "locationid"));
                if (locationId == null) locationId = session.locationId();
                calls.add(new Call(name, null, null, null, null, locationId, viaSession, fnControlId));
                if (locationId != null && !entities().contains(locationId)) {
                    return resultFailure(name, fnControlId, error("XL03000006", "", "Entity '" + locationId + "' does not exist or the user has no access to it", ""));
                }
                String id = UUID.randomUUID().toString().replace("-", "") + "..";
                sessions.put(id, new Session(id, session.userId(), locationId));
                return "<result><status>success</status><function>getAPISession</function><controlid>" + esc(fnControlId)
                        + "</controlid><data><api><sessionid>" + id + "</sessionid><endpoint>" + esc(endpoint())
                        + "</endpoint><locationid>" + esc(nvl(locationId)) + "</locationid></api></data></result>";
            }
            case "readByQuery" -> {
                String object = nvl(text(call, "object")).trim().toUpperCase();
                String query = text(call, "query");
                String pageText = text(call, "pagesize");
                Integer pageSize = null;
                try {
                    pageSize = pageText == null || pageText.isBlank() ? 100 : Integer.parseInt(pageText.trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
                calls.add(new Call(name, object, query, pageSize, null, session.locationId(), viaSession, fnControlId));
                if (child(call, "query") == null) return resultFailure(name, fnControlId, queryFailed("readByQuery needs a <query> element (it may be empty)"));
                if (!KNOWN_OBJECTS.contains(object) && !hasObject(object)) {
                    return resultFailure(name, fnControlId, queryFailed("Object definition " + object + " not found"));
                }
                if (pageSize == null || pageSize < 1 || pageSize > 1000) {
                    return resultFailure(name, fnControlId, queryFailed("pagesize '" + pageText + "' must be between 1 and 1000"));
                }
                String format = text(call, "returnFormat");
                if (format != null && !format.isBlank() && !format.trim().equals("xml")) {
                    return resultFailure(name, fnControlId, queryFailed("returnFormat '" + format + "': this gateway answers xml only"));
                }
                Predicate<JsonNode> predicate;
                try {
                    predicate = IntacctQuery.parse(query, queryableFields(object));
                } catch (IntacctQuery.QueryException e) {
                    return resultFailure(name, fnControlId, queryFailed("Invalid query: " + e.getMessage()));
                }
                Set<String> fields = fields(text(call, "fields"));
                List<String> ids = matching(object, predicate, session.locationId());
                ResultSet rs = new ResultSet(object, ids, fields, pageSize, session.id());
                return page(name, fnControlId, rs, true);
            }
            default -> { // readMore
                String resultId = text(call, "resultId");
                calls.add(new Call(name, null, null, null, resultId, session.locationId(), viaSession, fnControlId));
                ResultSet rs = resultId == null ? null : resultSets.get(resultId);
                if (rs == null || (rs.sessionId != null && !rs.sessionId.equals(session.id()))) {
                    return resultFailure(name, fnControlId, queryFailed("Attempt to readMore with an invalid or expired resultId '"
                            + nvl(resultId) + "'"));
                }
                return page(name, fnControlId, rs, false);
            }
        }
    }

    private String page(String function, String fnControlId, ResultSet rs, boolean first) {
        StringBuilder data = new StringBuilder();
        int end = Math.min(rs.ids.size(), rs.next + rs.pageSize);
        int count = 0;
        for (int i = rs.next; i < end; i++) {
            Stored st = stored(rs.object, rs.ids.get(i));
            if (st == null) continue;
            data.append(render(rs.object, st, rs.fields));
            count++;
        }
        rs.next = end;
        int remaining = rs.ids.size() - end;
        String resultId = "";
        if (remaining > 0) {
            resultId = first ? "7765623332" + UUID.randomUUID().toString().replace("-", "") : resultIdOf(rs);
            resultSets.put(resultId, rs);
        } else if (!first) {
            resultSets.values().remove(rs);
        }
        faults.pageServed();
        return "<result><status>success</status><function>" + function + "</function><controlid>" + esc(fnControlId)
                + "</controlid><data listtype=\"" + rs.object + "\" count=\"" + count + "\" totalcount=\"" + rs.ids.size()
                + "\" numremaining=\"" + remaining + "\" resultId=\"" + resultId + "\">" + data + "</data></result>";
    }

    private String resultIdOf(ResultSet rs) {
        for (Map.Entry<String, ResultSet> e : resultSets.entrySet()) if (e.getValue() == rs) return e.getKey();
        return "";
    }

    private synchronized boolean hasObject(String object) {
        return records.containsKey(object);
    }

    private static Set<String> fields(String spec) {
        if (spec == null || spec.isBlank() || spec.trim().equals("*")) return null;
        Set<String> out = new LinkedHashSet<>();
        for (String f : spec.split(",")) if (!f.isBlank()) out.add(f.trim());
        return out;
    }

    /** One record as its XML element; a malformed payload (not a JSON object) is served as the element's text. */
    private String render(String object, Stored st, Set<String> fields) {
        SourceRecord r = st.record();
        java.util.Optional<String> malformed = faults.malformedPayload(r.object(), r.id());
        String payload = malformed.orElse(r.payload());
        JsonNode n = malformed.isPresent() ? parseJson(payload) : st.json();
        StringBuilder sb = new StringBuilder("<").append(object).append('>');
        if (n == null) {
            sb.append(esc(payload));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (fields != null && !fields.contains(e.getKey())) continue;
                element(sb, e.getKey(), e.getValue());
            }
        }
        return sb.append("</").append(object).append('>').toString();
    }

    private static void element(StringBuilder sb, String name, JsonNode v) {
        if (v.isArray()) {
            v.forEach(item -> element(sb, name, item));
            return;
        }
        if (v.isNull()) {
            sb.append('<').append(name).append("/>");
            return;
        }
        sb.append('<').append(name).append('>');
        if (v.isObject()) {
            v.fields().forEachRemaining(e -> element(sb, e.getKey(), e.getValue()));
        } else {
            sb.append(esc(v.asText()));
        }
        sb.append("</").append(name).append('>');
    }

    // ------------------------------------------------------------------------------------------ shapes

    private static String controlBlock(String status, String senderId, String controlId, String uniqueId) {
        return "<control><status>" + status + "</status><senderid>" + esc(senderId) + "</senderid><controlid>" + esc(controlId)
                + "</controlid><uniqueid>" + esc(nvl(uniqueId)) + "</uniqueid><dtdversion>3.0</dtdversion></control>";
    }

    /** Nothing ran: the control block failed and the error sits at the top level. */
    private static String controlFailure(String senderId, String controlId, String error) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response><control><status>failure</status><senderid>" + esc(senderId)
                + "</senderid><controlid>" + esc(controlId) + "</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion>"
                + "</control><errormessage>" + error + "</errormessage></response>";
    }

    /** No function ran: the login or session failed; the error sits inside the operation. */
    private static String authFailure(String controlEcho, String userId, String companyId, String error) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<response>" + controlEcho + "<operation><authentication>"
                + "<status>failure</status><userid>" + esc(userId) + "</userid><companyid>" + esc(companyId) + "</companyid>"
                + "</authentication><errormessage>" + error + "</errormessage></operation></response>";
    }

    private static String resultFailure(String function, String fnControlId, String error) {
        return "<result><status>failure</status><function>" + function + "</function><controlid>" + esc(fnControlId)
                + "</controlid><errormessage>" + error + "</errormessage></result>";
    }

    private static String error(String errorNo, String description, String description2, String correction) {
        return "<error><errorno>" + esc(errorNo) + "</errorno><description>" + esc(description) + "</description><description2>"
                + esc(description2) + "</description2><correction>" + esc(correction) + "</correction></error>";
    }

    private static String schemaError(String what) {
        return error("XL03000003", "XML Parse schema error", "The request does not match the DTD: " + what, "Correct the request.");
    }

    private static String queryFailed(String description2) {
        return error("Query Failed", "", description2, "");
    }

    // ------------------------------------------------------------------------------------------ XML

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(null);
        return b.parse(new InputSource(new StringReader(xml)));
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) out.add(e);
        }
        return out;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return e;
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
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
                case '\'' -> sb.append("&#039;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
