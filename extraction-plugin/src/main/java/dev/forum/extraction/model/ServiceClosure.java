package dev.forum.extraction.model;

import dev.forum.extraction.model.ModulithModel.Module;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a service holds of the application, as the {@link Planner} cuts it by references: its own classes and, of the
 * other modules, the published types they reference and what those reference in turn, until nothing new turns up; with
 * every reference to a type no module publishes that it cannot hold.
 *
 * @param classes         the application classes it holds
 * @param publishedTypesOf the other modules whose published types it holds (called over HTTP, or only used)
 * @param ownInternals    each of its own classes that references other modules' unpublished types, to those types
 * @param copiedInternals each published type of another module it holds whose own code references unpublished
 *                        types (its module's internals, as a rule), to those types
 * @param usedBy          each published type it holds to the first of its own classes whose references brought it
 * @param through         each published type it holds to the published type that class references (itself, or
 *                        the type that brought it along)
 */
record ServiceClosure(Set<String> classes, Set<String> publishedTypesOf, Map<String, Set<String>> ownInternals,
        Map<String, Set<String>> copiedInternals, Map<String, String> usedBy, Map<String, String> through) {

    /** The closure from {@code own}, taking no published type of {@code skip} along (nor what only it brings). */
    static ServiceClosure of(ModulithModel model, ClassIndex index, Set<String> own, Set<String> skip) {
        Set<String> classes = new HashSet<>(own);
        Deque<String> toRead = new ArrayDeque<>(new TreeSet<>(own));
        Set<String> publishedTypesOf = new TreeSet<>();
        Map<String, Set<String>> ownInternals = new TreeMap<>();
        Map<String, Set<String>> copiedInternals = new TreeMap<>();
        Map<String, String> usedBy = new HashMap<>();
        Map<String, String> through = new HashMap<>();
        while (!toRead.isEmpty()) {
            String from = toRead.pop();
            for (String to : new TreeSet<>(index.references(from))) {
                if (classes.contains(to) || !model.isApplicationClass(to) || index.artifactOf(to) == null) {
                    continue;
                }
                Module owner = model.moduleOf(to).orElse(null);
                if (owner == null || !owner.publishedTypes().contains(to)) {
                    (own.contains(from) ? ownInternals : copiedInternals).computeIfAbsent(from, f -> new TreeSet<>()).add(to);
                    continue;
                }
                if (skip.contains(to)) {
                    continue;
                }
                publishedTypesOf.add(owner.name());
                String user = own.contains(from) ? from : usedBy.get(from);
                String entry = own.contains(from) ? to : through.get(from);
                for (String type : index.pureApiOf(to, owner)) {
                    if (classes.add(type)) {
                        toRead.add(type);
                        usedBy.put(type, user);
                        through.put(type, entry);
                    }
                }
            }
        }
        return new ServiceClosure(classes, publishedTypesOf, ownInternals, copiedInternals, usedBy, through);
    }
}
