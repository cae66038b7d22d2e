package io.tieout.extract.intacct;

import java.time.Duration;
import java.time.LocalDate;

/**
 * One Sage Intacct company: where its XML gateway is, the Web Services sender (control block) and
 * the company user (login), the entity to read as (null = top level), and how to read.
 *
 * @param sourceName   the configured source name records land under
 * @param baseUrl      the gateway's base (https://api.intacct.com, or a simulator); the path
 *                     {@code /ia/xml/xmlgw.phtml} is added unless the URL already ends with it
 * @param entity       an entity id (LOCATIONID of a LOCATIONENTITY) for an entity session, or null
 * @param pageSize     readByQuery page size, 1..1000 (0 = 1000)
 * @param lookBack     overlap re-read before each stream's cursor (null = 1 hour); Intacct stamps
 *                     WHENMODIFIED in the web-services user's time-zone preference and Tieout reads it as
 *                     UTC, so a user not set to GMT needs a look-back of at least its UTC offset
 * @param glWindowDays the width of the ENTRY_DATE slices GLDETAIL is read in (0 = 31)
 * @param glFrom       the first ENTRY_DATE read from GLDETAIL (null = the first of the month 24 months
 *                     before the run's upper bound); older GL lines are not read
 */
public record IntacctConfig(String sourceName, String baseUrl, String senderId, String senderPassword, String userId,
                            String userPassword, String companyId, String entity, int pageSize, Duration lookBack,
                            int glWindowDays, LocalDate glFrom) {
    public static final String GATEWAY_PATH = "/ia/xml/xmlgw.phtml";
    public static final int MAX_PAGE_SIZE = 1000;
    public static final Duration DEFAULT_LOOK_BACK = Duration.ofHours(1);
    public static final int DEFAULT_GL_WINDOW_DAYS = 31;

    public IntacctConfig {
        required(sourceName, "name");
        required(baseUrl, "baseUrl");
        required(senderId, "credentials.senderId");
        required(senderPassword, "credentials.senderPassword");
        required(userId, "credentials.userId");
        required(userPassword, "credentials.userPassword");
        required(companyId, "credentials.companyId");
        if (entity != null && entity.isBlank()) entity = null;
        if (pageSize == 0) pageSize = MAX_PAGE_SIZE;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("intacct source '" + sourceName + "': pageSize " + pageSize + " must be 1.." + MAX_PAGE_SIZE);
        }
        if (lookBack == null) lookBack = DEFAULT_LOOK_BACK;
        if (lookBack.isNegative()) throw new IllegalArgumentException("intacct source '" + sourceName + "': lookBack must not be negative");
        if (glWindowDays == 0) glWindowDays = DEFAULT_GL_WINDOW_DAYS;
        if (glWindowDays < 1) throw new IllegalArgumentException("intacct source '" + sourceName + "': glWindowDays must be at least 1");
    }

    /** Without glFrom (GLDETAIL is read from 24 months before the run). */
    public IntacctConfig(String sourceName, String baseUrl, String senderId, String senderPassword, String userId,
                         String userPassword, String companyId, String entity, int pageSize, Duration lookBack, int glWindowDays) {
        this(sourceName, baseUrl, senderId, senderPassword, userId, userPassword, companyId, entity, pageSize, lookBack, glWindowDays, null);
    }

    /** Top level, pages of 1000, an hour's look-back, 31-day GL slices. */
    public static IntacctConfig of(String sourceName, String baseUrl, String senderId, String senderPassword, String userId,
                                   String userPassword, String companyId) {
        return new IntacctConfig(sourceName, baseUrl, senderId, senderPassword, userId, userPassword, companyId, null, 0, null, 0, null);
    }

    public IntacctConfig withEntity(String e) {
        return new IntacctConfig(sourceName, baseUrl, senderId, senderPassword, userId, userPassword, companyId, e, pageSize, lookBack, glWindowDays, glFrom);
    }

    public IntacctConfig withPageSize(int n) {
        return new IntacctConfig(sourceName, baseUrl, senderId, senderPassword, userId, userPassword, companyId, entity, n, lookBack, glWindowDays, glFrom);
    }

    public IntacctConfig withLookBack(Duration d) {
        return new IntacctConfig(sourceName, baseUrl, senderId, senderPassword, userId, userPassword, companyId, entity, pageSize, d, glWindowDays, glFrom);
    }

    public IntacctConfig withGlWindowDays(int days) {
        return new IntacctConfig(sourceName, baseUrl, senderId, senderPassword, userId, userPassword, companyId, entity, pageSize, lookBack, days, glFrom);
    }

    public IntacctConfig withGlFrom(LocalDate from) {
        return new IntacctConfig(sourceName, baseUrl, senderId, senderPassword, userId, userPassword, companyId, entity, pageSize, lookBack, glWindowDays, from);
    }

    /** The gateway URL the first (login) request goes to; later ones go to the session's endpoint. */
    public String endpoint() {
        String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return b.endsWith(GATEWAY_PATH) ? b : b + GATEWAY_PATH;
    }

    /** The first ENTRY_DATE GLDETAIL is read from, for a run whose upper bound falls on {@code upperDate}. */
    public LocalDate glFrom(LocalDate upperDate) {
        return glFrom != null ? glFrom : upperDate.minusMonths(24).withDayOfMonth(1);
    }

    /** Names the ids, never the passwords: a logged config must not leak secrets. */
    @Override
    public String toString() {
        return "IntacctConfig[sourceName=" + sourceName + ", baseUrl=" + baseUrl + ", senderId=" + senderId + ", userId=" + userId
                + ", companyId=" + companyId + ", entity=" + entity + ", pageSize=" + pageSize + ", lookBack=" + lookBack
                + ", glWindowDays=" + glWindowDays + ", glFrom=" + glFrom + " (passwords hidden)]";
    }

    private static void required(String v, String key) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException("intacct source: " + key + " is required");
    }
}
