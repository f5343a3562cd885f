package example.events.members;

import example.events.Tracked;

public record MemberRegistered(String name) implements Tracked {
}
