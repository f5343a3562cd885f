package dev.forum.extraction.runtime.topology;

import java.util.Set;
import org.springframework.asm.Type;

/**
 * The internal names of the classes ({@code shop/catalog/ReviewsApi}) that a part of a class file names, added to a set
 * ({@link ClassUse}): an internal name, a descriptor, an ASM {@link Type}, a generic signature.
 */
final class UsedNames {

    /** What may come before the {@code L} that begins a class type in a signature. */
    private static final String BEFORE_TYPE = "<>;:()[+-^";

    /** What ends a class's name, or an inner class's simple name, in a signature. */
    private static final String AFTER_NAME = "<;:.";

    private UsedNames() {
    }

    /** @param internalName a class's internal name, or an array type's descriptor; null adds nothing */
    static void addInternal(Set<String> into, String internalName) {
        if (internalName != null) {
            addType(into, Type.getObjectType(internalName));
        }
    }

    /** @param descriptor a field's or a method's descriptor */
    static void addDescriptor(Set<String> into, String descriptor) {
        addType(into, Type.getType(descriptor));
    }

    /** A class type, the element type of an array type, or the parameter and return types of a method type. */
    static void addType(Set<String> into, Type type) {
        switch (type.getSort()) {
            case Type.ARRAY -> addType(into, type.getElementType());
            case Type.OBJECT -> into.add(type.getInternalName());
            case Type.METHOD -> {
                for (Type argument : type.getArgumentTypes()) {
                    addType(into, argument);
                }
                addType(into, type.getReturnType());
            }
            default -> {
            }
        }
    }

    /**
     * The classes a generic signature names (a class's, a method's or a field's), null adding nothing: each {@code L}
     * that begins a type (at the start, or after one of {@code <>;:()[+-^}) up to the {@code <}, {@code ;}, {@code :}
     * or {@code .} that ends its name; and each inner class of a generic outer one ({@code Lpkg/Outer<TT;>.Inner;}), as
     * the outer's name, {@code $} and the name after the {@code .} ({@code pkg/Outer$Inner}), as javac names a member
     * class. Spring's ASM leaves out ASM's signature reader; a type parameter or variable named from {@code L} may add
     * a name no class has, never hides one.
     */
    static void addSignature(Set<String> into, String signature) {
        if (signature == null) {
            return;
        }
        // Per depth of <>, the class type last begun there: the outer class of an inner one that follows its >.
        String[] begun = new String[signature.length() + 1];
        int depth = 0;
        for (int i = 0; i < signature.length(); i++) {
            char at = signature.charAt(i);
            if (at == '<') {
                depth++;
            } else if (at == '>') {
                depth = Math.max(0, depth - 1);
            } else if (at == '.' && begun[depth] != null
                    || at == 'L' && (i == 0 || BEFORE_TYPE.indexOf(signature.charAt(i - 1)) >= 0)) {
                int end = i + 1;
                while (end < signature.length() && AFTER_NAME.indexOf(signature.charAt(end)) < 0) {
                    end++;
                }
                String name = signature.substring(i + 1, end);
                begun[depth] = at == '.' ? begun[depth] + "$" + name : name;
                into.add(begun[depth]);
                i = end - 1;
            }
        }
    }
}
