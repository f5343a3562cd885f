package dev.forum.extraction.runtime.topology;

import static dev.forum.extraction.runtime.topology.UsedNames.addDescriptor;
import static dev.forum.extraction.runtime.topology.UsedNames.addInternal;
import static dev.forum.extraction.runtime.topology.UsedNames.addSignature;
import static dev.forum.extraction.runtime.topology.UsedNames.addType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ConstantDynamic;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * What one class file uses, read with Spring's ASM: the classes its superclass, interfaces, fields, record components,
 * methods (descriptors, generic signatures, exceptions) and code (instructions, constants, handles, catch types, local
 * variables) name, by internal name ({@code shop/catalog/ReviewsApi}); the element type of an array. A class named only
 * inside an annotation ({@code @ConditionalOnClass(ReviewsApi.class)}, {@code @Import}, ...) is not used: an annotation
 * value is read only when asked, so a missing class there breaks nothing. A class that Spring Boot's
 * {@code @ConditionalOnClass} names on a method is not counted as used by that method, nor by the code compiled out of
 * it into the same class: a lambda's body (javac's synthetic {@code lambda$<method>$N}, Kotlin 2's private
 * {@code <method>$lambda$N}, found through the {@code invokedynamic} that makes the lambda; not an ordinary method a
 * method reference names), a lambda in that lambda, and {@code $deserializeLambda$}, which remakes the serializable
 * lambdas, when every method making one has the guard. A class declared in the method (anonymous or local) is a class
 * file of its own: it names the method ({@link #outerMethod()}), whose guards are in
 * {@link #methodGuards()}, for the caller to apply, as it applies {@link #guards()}, the class-level ones, to the class
 * and the classes nested in it.
 *
 * @param name         the class's internal name
 * @param outer        the internal name of the class it is nested in (a member, local or anonymous class), else null
 * @param outerMethod  the method of {@code outer} a local or anonymous class is declared in, as name and descriptor
 *                     ({@code reviews(Lshop/catalog/ReviewsApi;)Ljava/util/function/Supplier;}), else null (not in a
 *                     method, or in an initializer)
 * @param guards       the internal names {@code @ConditionalOnClass} names on the class ({@code value} and {@code name})
 * @param methodGuards per method (name and descriptor) with any, the internal names {@code @ConditionalOnClass} names on
 *                     it, or on the method a lambda's body was compiled out of
 * @param uses         the internal names of the classes it uses, itself and its guards' left in
 */
record ClassUse(String name, String outer, String outerMethod, Set<String> guards, Map<String, Set<String>> methodGuards,
        Set<String> uses) {

    /** The method javac and Kotlin add to a class with serializable lambdas, which remakes them, as name and {@code (}. */
    private static final String DESERIALIZE = "$deserializeLambda$(";

    private static final int API = SpringAsmInfo.ASM_VERSION;

    /**
     * @param classFile a class file's bytes
     * @return what it uses
     * @throws IllegalArgumentException (ASM's) or another runtime exception when the bytes are no class file ASM reads
     */
    static ClassUse read(byte[] classFile) {
        Reading reading = new Reading();
        new ClassReader(classFile).accept(reading, ClassReader.SKIP_FRAMES);
        return new ClassUse(reading.name, reading.outer, reading.outerMethod, Set.copyOf(reading.guards),
                Map.copyOf(reading.methodGuards), Set.copyOf(reading.uses));
    }

    /** The visitor that collects the uses; annotation values are visited only for the guards. */
    private static final class Reading extends ClassVisitor {

        private String name;
        private String outer;
        private String outerMethod;
        private final Set<String> guards = new HashSet<>();
        private final Set<String> uses = new HashSet<>();
        /** Name and descriptor to the method's own uses and guards, in class file order. */
        private final Map<String, MethodUses> methods = new LinkedHashMap<>();
        private final Map<String, Set<String>> methodGuards = new HashMap<>();

        Reading() {
            super(API);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            addInternal(uses, superName);
            if (interfaces != null) {
                for (String type : interfaces) {
                    addInternal(uses, type);
                }
            }
            addSignature(uses, signature);
        }

        @Override
        public void visitOuterClass(String owner, String name, String descriptor) {
            outer = owner;
            outerMethod = name == null ? null : name + descriptor;
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.equals(this.name) && outerName != null) {
                outer = outerName;
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return ConditionalOnClassNames.of(descriptor, guards);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            addDescriptor(uses, descriptor);
            addSignature(uses, signature);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            addDescriptor(uses, descriptor);
            addSignature(uses, signature);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            boolean body = (access & Opcodes.ACC_SYNTHETIC) != 0
                    || (access & Opcodes.ACC_PRIVATE) != 0 && name.contains("$lambda$");
            MethodUses method = new MethodUses(this.name, body);
            addDescriptor(method.uses, descriptor);
            addSignature(method.uses, signature);
            if (exceptions != null) {
                for (String type : exceptions) {
                    addInternal(method.uses, type);
                }
            }
            methods.put(name + descriptor, method);
            return method;
        }

        /** Adds each method's uses but for its guards, and those of the method a lambda's body was compiled out of. */
        @Override
        public void visitEnd() {
            Map<String, List<String>> makers = new HashMap<>();
            methods.forEach((key, method) -> (key.startsWith(DESERIALIZE) ? Set.<String>of() : method.lambdas).forEach(
                    lambda -> makers.computeIfAbsent(lambda, k -> new ArrayList<>()).add(key)));
            for (Map.Entry<String, MethodUses> method : methods.entrySet()) {
                Set<String> guarded = guards(method.getKey(), makers, new HashSet<>());
                Set<String> used = new HashSet<>(method.getValue().uses);
                used.removeAll(guarded);
                uses.addAll(used);
                if (!guarded.isEmpty()) {
                    methodGuards.put(method.getKey(), Set.copyOf(guarded));
                }
            }
        }

        /**
         * A method's guards: its own and, for a lambda's body that an {@code invokedynamic} of this class makes a lambda
         * of, those every method making it has (a lambda in a lambda goes up to the method around both); for
         * {@code $deserializeLambda$}, which remakes the serializable lambdas and is taken for no maker, those every
         * method making a lambda through {@code LambdaMetafactory.altMetafactory} (a serializable one) has.
         */
        private Set<String> guards(String key, Map<String, List<String>> makers, Set<String> visiting) {
            MethodUses method = methods.get(key);
            Set<String> guarded = new HashSet<>(method.guards);
            List<String> madeBy = method.body ? makers.getOrDefault(key, List.of()) : List.of();
            if (key.startsWith(DESERIALIZE)) {
                madeBy = methods.entrySet().stream().filter(other -> other.getValue().altLambda && !other.getKey().equals(key))
                        .map(Map.Entry::getKey).toList();
            }
            if (!madeBy.isEmpty() && visiting.add(key)) {
                Set<String> common = null;
                for (String maker : madeBy) {
                    Set<String> of = guards(maker, makers, visiting);
                    if (common == null) {
                        common = of;
                    } else {
                        common.retainAll(of);
                    }
                }
                guarded.addAll(common);
                visiting.remove(key);
            }
            return guarded;
        }
    }

    /**
     * A method's own uses and the {@code @ConditionalOnClass} on it, the methods of its class its code makes lambdas of
     * (an {@code invokedynamic} argument that is a handle of a method of the class), as name and descriptor, and whether
     * it may be a lambda's body: synthetic (javac's {@code lambda$<method>$N}), or private and named with
     * {@code $lambda$} (Kotlin 2's {@code <method>$lambda$N}, which is not synthetic). An ordinary method that a method
     * reference names is neither, and has only its own guards.
     */
    private static final class MethodUses extends MethodVisitor {

        private final String owner;
        private final boolean body;
        private final Set<String> uses = new HashSet<>();
        private final Set<String> guards = new HashSet<>();
        private final Set<String> lambdas = new HashSet<>();
        /** Whether its code makes a lambda through {@code altMetafactory}: every serializable lambda, some others. */
        private boolean altLambda;

        MethodUses(String owner, boolean body) {
            super(API);
            this.owner = owner;
            this.body = body;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return ConditionalOnClassNames.of(descriptor, guards);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            addType(uses, Type.getObjectType(type));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            addInternal(uses, owner);
            addDescriptor(uses, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            addInternal(uses, owner);
            addDescriptor(uses, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            addDescriptor(uses, descriptor);
            addConstant(bootstrap);
            altLambda |= bootstrap.getOwner().equals("java/lang/invoke/LambdaMetafactory")
                    && bootstrap.getName().equals("altMetafactory");
            for (Object argument : arguments) {
                addConstant(argument);
                if (argument instanceof Handle handle && handle.getOwner().equals(owner)) {
                    lambdas.add(handle.getName() + handle.getDesc());
                }
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            addConstant(value);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            addDescriptor(uses, descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            addInternal(uses, type);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
            addDescriptor(uses, descriptor);
            addSignature(uses, signature);
        }

        /** A constant of the pool: a class ({@code ReviewsApi.class}), a method type or handle, a dynamic constant. */
        private void addConstant(Object value) {
            if (value instanceof Type type) {
                addType(uses, type);
            } else if (value instanceof Handle handle) {
                addInternal(uses, handle.getOwner());
                addDescriptor(uses, handle.getDesc());
            } else if (value instanceof ConstantDynamic constant) {
                addDescriptor(uses, constant.getDescriptor());
                addConstant(constant.getBootstrapMethod());
                for (int i = 0; i < constant.getBootstrapMethodArgumentCount(); i++) {
                    addConstant(constant.getBootstrapMethodArgument(i));
                }
            }
        }

    }
}
