package example.events;

/** An event some module keeps track of, whichever module publishes it: listened to by its supertype. */
public interface Tracked {
}
