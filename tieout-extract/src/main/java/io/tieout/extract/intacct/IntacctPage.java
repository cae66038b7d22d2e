package io.tieout.extract.intacct;

import org.w3c.dom.Element;

import java.util.List;

/**
 * One page of a readByQuery / readMore answer: the {@code <data>} attributes and its record elements.
 * {@code resultId} is what readMore continues with; {@code numRemaining} 0 means this was the last page.
 */
public record IntacctPage(String listType, int count, int totalCount, int numRemaining, String resultId, List<Element> records) {
    public boolean last() {
        return numRemaining <= 0;
    }
}
