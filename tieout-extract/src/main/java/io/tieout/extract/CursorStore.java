package io.tieout.extract;

import java.util.Optional;

/** Reads the committed cursor of a stream (written only through {@link LandingSink#land}). */
public interface CursorStore {
    Optional<String> cursor(String source, String stream);
}
