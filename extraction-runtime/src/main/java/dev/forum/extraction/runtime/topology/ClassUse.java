package dev.forum.extraction.runtime.topology;

import java.util.HashSet;
import java.util.Set;
import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.ConstantDynamic;
import org.springframework.asm.FieldVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.RecordComponentVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;

/**
 * What one class file uses, read with Spring's ASM: the classes its superclass, interfaces, fields, record components,
 * methods (descriptors, generic signatures, exceptions) and code (instructions, constants, handles, catch types, local
 * variables) name, by internal name ({@code shop/catalog/ReviewsApi}); the element type of an array. A class named only
 * inside an annotation ({@code @ConditionalOnClass(ReviewsApi.class)}, {@code @Import}, ...) is not used: an annotation
 * value is read only when asked, so a missing class there breaks nothing. A class that Spring Boot's
 * {@code @ConditionalOnClass} names on a method is not counted as used by that method; one it names on the class is in
 * {@link #guards()}, for the caller to apply to the class and the classes nested in it.
 *
 * @param name   the class's internal name
 * @param outer  the internal name of the class it is nested in (a member, local or anonymous class), else null
 * @param guards the internal names {@code @ConditionalOnClass} names on the class ({@code value} and {@code name})
 * @param uses   the internal names of the classes it uses, itself and its guards' left in
 */
record ClassUse(String name, String outer, Set<String> guards, Set<String> uses) {

    private static final String CONDITIONAL_ON_CLASS = "Lorg/springframework/boot/autoconfigure/condition/ConditionalOnClass;";

    private static final int API = SpringAsmInfo.ASM_VERSION;

    /**
     * @param classFile a class file's bytes
     * @return what it uses
     * @throws IllegalArgumentException (ASM's) or another runtime exception when the bytes are no class file ASM reads
     */
    static ClassUse read(byte[] classFile) {
        Reading reading = new Reading();
        new ClassReader(classFile).accept(reading, ClassReader.SKIP_FRAMES);
        return new ClassUse(reading.name, reading.outer, Set.copyOf(reading.guards), Set.copyOf(reading.uses));
    }

    /** The visitor that collects the uses; annotation values are visited only for the guards. */
    private static final class Reading extends ClassVisitor {

        private String name;
        private String outer;
        private final Set<String> guards = new HashSet<>();
        private final Set<String> uses = new HashSet<>();

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
        }

        @Override
        public void visitInnerClass(String name, String outerName, String innerName, int access) {
            if (name.equals(this.name) && outerName != null) {
                outer = outerName;
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return CONDITIONAL_ON_CLASS.equals(descriptor) ? new Guards(guards) : null;
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
            Set<String> method = new HashSet<>();
            addDescriptor(method, descriptor);
            addSignature(method, signature);
            if (exceptions != null) {
                for (String type : exceptions) {
                    addInternal(method, type);
                }
            }
            return new MethodUses(method, uses);
        }
    }

    /** A method's uses, added to the class's at its end but for those {@code @ConditionalOnClass} on it names. */
    private static final class MethodUses extends MethodVisitor {

        private final Set<String> method;
        private final Set<String> classUses;
        private final Set<String> guards = new HashSet<>();

        MethodUses(Set<String> method, Set<String> classUses) {
            super(API);
            this.method = method;
            this.classUses = classUses;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return CONDITIONAL_ON_CLASS.equals(descriptor) ? new Guards(guards) : null;
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            addType(method, Type.getObjectType(type));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            addInternal(method, owner);
            addDescriptor(method, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            addInternal(method, owner);
            addDescriptor(method, descriptor);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            addDescriptor(method, descriptor);
            addConstant(bootstrap);
            for (Object argument : arguments) {
                addConstant(argument);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            addConstant(value);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
            addDescriptor(method, descriptor);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            addInternal(method, type);
        }

        @Override
        public void visitLocalVariable(String name, String descriptor, String signature, Label start, Label end, int index) {
            addDescriptor(method, descriptor);
            addSignature(method, signature);
        }

        /** A constant of the pool: a class ({@code ReviewsApi.class}), a method type or handle, a dynamic constant. */
        private void addConstant(Object value) {
            if (value instanceof Type type) {
                addType(method, type);
            } else if (value instanceof Handle handle) {
                addInternal(method, handle.getOwner());
                addDescriptor(method, handle.getDesc());
            } else if (value instanceof ConstantDynamic constant) {
                addDescriptor(method, constant.getDescriptor());
                addConstant(constant.getBootstrapMethod());
                for (int i = 0; i < constant.getBootstrapMethodArgumentCount(); i++) {
                    addConstant(constant.getBootstrapMethodArgument(i));
                }
            }
        }

        @Override
        public void visitEnd() {
            method.removeAll(guards);
            classUses.addAll(method);
        }
    }

    /** The classes a {@code @ConditionalOnClass} names: its {@code value} (classes) and {@code name} (binary names). */
    private static final class Guards extends AnnotationVisitor {

        private final Set<String> guards;

        Guards(Set<String> guards) {
            super(API);
            this.guards = guards;
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return this;
        }

        @Override
        public void visit(String name, Object value) {
            if (value instanceof Type type) {
                addType(guards, type);
            } else if (value instanceof String className) {
                guards.add(className.replace('.', '/'));
            }
        }
    }

    private static void addInternal(Set<String> into, String internalName) {
        if (internalName != null) {
            addType(into, Type.getObjectType(internalName));
        }
    }

    private static void addDescriptor(Set<String> into, String descriptor) {
        addType(into, Type.getType(descriptor));
    }

    /** A class type, the element type of an array type, or the parameter and return types of a method type. */
    private static void addType(Set<String> into, Type type) {
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
     * The classes a generic signature names (a class's, a method's or a field's): each {@code L} that begins a type (at
     * the start, or after one of {@code <>;:()[+-^}) up to the {@code <}, {@code ;} or {@code :} that ends its name.
     * Spring's ASM leaves out ASM's signature reader; a type parameter or variable named from {@code L} may add a
     * name no class has, never hides one.
     */
    static void addSignature(Set<String> into, String signature) {
        if (signature == null) {
            return;
        }
        for (int i = 0; i < signature.length(); i++) {
            if (signature.charAt(i) == 'L' && (i == 0 || "<>;:()[+-^".indexOf(signature.charAt(i - 1)) >= 0)) {
                int end = i + 1;
                while (end < signature.length() && "<;:".indexOf(signature.charAt(end)) < 0) {
                    end++;
                }
                into.add(signature.substring(i + 1, end));
                i = end - 1;
            }
        }
    }
}
