package dev.forum.extraction.runtime.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import org.junit.jupiter.api.Test;

class TypeNamesTest {

    interface Named extends Serializable {
    }

    static class Base implements Named {
    }

    static final class Leaf extends Base implements Comparable<Leaf> {
        @Override
        public int compareTo(Leaf other) {
            return 0;
        }
    }

    @Test
    void aClassHasItsOwnNameItsSuperclassesAndEveryInterfaceDirectOrInherited() {
        assertThat(TypeNames.supertypes(Leaf.class)).containsExactlyInAnyOrder(Leaf.class.getName(), Base.class.getName(),
                Object.class.getName(), Named.class.getName(), Serializable.class.getName(), Comparable.class.getName());
    }

    @Test
    void anInterfaceHasItsSuperInterfacesButNoObject() {
        assertThat(TypeNames.supertypes(List.class)).contains(List.class.getName(), Collection.class.getName(),
                Iterable.class.getName()).doesNotContain(Object.class.getName(), RandomAccess.class.getName());
    }
}
