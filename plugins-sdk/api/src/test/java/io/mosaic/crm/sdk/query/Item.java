package io.mosaic.crm.sdk.query;

import java.math.BigDecimal;
import java.time.Instant;

/** A row type for the tests: nullable score and price, a non-null name and timestamp. */
record Item(long id, String name, Integer score, BigDecimal price, Instant createdAt) {

    static ListSpec.Builder<Item> spec() {
        return ListSpec.<Item>builder("i.id", Item::id)
                .filter("name", FieldType.STRING, "i.name")
                .filter("score", FieldType.INTEGER, "i.score")
                .filter("createdAfter", FieldType.INSTANT, "i.created_at", ListSpec.Comparison.GREATER)
                .filter("createdBefore", FieldType.INSTANT, "i.created_at", ListSpec.Comparison.LESS)
                .sort("name", FieldType.STRING, "i.name", false, Item::name)
                .sort("score", FieldType.INTEGER, "i.score", true, Item::score)
                .sort("price", FieldType.DECIMAL, "i.price", true, Item::price)
                .sort("createdAt", FieldType.INSTANT, "i.created_at", false, Item::createdAt)
                .defaultSort("name")
                .search("i.name")
                .fields("id", "name", "score");
    }
}
