package io.tieout.extract.shopify;

/**
 * The GraphQL documents the connector sends. The Order selection asks for what the staging models
 * read (money from MoneyBags, lines and shipping lines as connections, refunds as a list with their
 * refund lines and refunded shipping), the same shape the sandbox's payload writer emits.
 */
final class ShopifyQueries {
    private ShopifyQueries() {}

    static final String MONEY_BAG = """
            fragment MoneyBagFields on MoneyBag {
              shopMoney { amount currencyCode }
              presentmentMoney { amount currencyCode }
            }
            """;

    static final String TAX_LINE = "taxLines { title rate ratePercentage priceSet { ...MoneyBagFields } channelLiable }";

    static final String ORDER_FIELDS = """
            fragment OrderFields on Order {
              id legacyResourceId name createdAt updatedAt cancelledAt cancelReason test taxesIncluded
              currencyCode presentmentCurrencyCode email displayFinancialStatus
              customer { id legacyResourceId email defaultAddress { company countryCodeV2 } }
              shippingAddress { countryCodeV2 company }
              lineItems(first: 250) {
                nodes {
                  id sku quantity isGiftCard
                  originalTotalSet { ...MoneyBagFields }
                  discountAllocations { allocatedAmountSet { ...MoneyBagFields } }
                  %1$s
                }
              }
              shippingLines(first: 50) {
                nodes {
                  id title code
                  originalPriceSet { ...MoneyBagFields }
                  discountedPriceSet { ...MoneyBagFields }
                  %1$s
                }
              }
              totalTaxSet { ...MoneyBagFields }
              totalPriceSet { ...MoneyBagFields }
              refunds {
                id createdAt updatedAt note
                totalRefundedSet { ...MoneyBagFields }
                refundLineItems(first: 250) {
                  nodes {
                    quantity restockType
                    subtotalSet { ...MoneyBagFields }
                    totalTaxSet { ...MoneyBagFields }
                    lineItem { id sku }
                  }
                }
                refundShippingLines(first: 50) {
                  nodes { subtotalAmountSet { ...MoneyBagFields } taxAmountSet { ...MoneyBagFields } }
                }
              }
            }
            """.formatted(TAX_LINE);

    static final String ORDERS = """
            query Orders($first: Int!, $after: String, $query: String) {
              orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
                edges { cursor node { ...OrderFields } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """ + ORDER_FIELDS + MONEY_BAG;

    static final String ORDERS_BY_ID = """
            query OrdersById($ids: [ID!]!) {
              nodes(ids: $ids) { ...OrderFields }
            }
            """ + ORDER_FIELDS + MONEY_BAG;

    static final String ORDER_EVENTS = """
            query OrderEvents($first: Int!, $after: String, $query: String) {
              events(first: $first, after: $after, query: $query, sortKey: CREATED_AT) {
                edges { cursor node { id action createdAt ... on BasicEvent { subjectId subjectType } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    static final String CUSTOMERS = """
            query Customers($first: Int!, $after: String, $query: String) {
              customers(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
                edges { cursor node { id legacyResourceId email createdAt updatedAt defaultAddress { company countryCodeV2 } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;

    static final String PRODUCTS = """
            query Products($first: Int!, $after: String, $query: String) {
              products(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
                edges { cursor node { id legacyResourceId title handle status isGiftCard createdAt updatedAt
                  variants(first: 100) { nodes { id legacyResourceId sku } } } }
                pageInfo { hasNextPage endCursor }
              }
            }
            """;
}
