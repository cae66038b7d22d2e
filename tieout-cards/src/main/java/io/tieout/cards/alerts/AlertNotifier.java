package io.tieout.cards.alerts;

/** Delivers an alert's transition somewhere. Implementations never throw into the run. */
public interface AlertNotifier {
    AlertNotifier NONE = t -> { };

    void notify(AlertStore.Transition transition);
}
