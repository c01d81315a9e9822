package io.mosaic.crm.platform.http.internal.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializerCache;
import com.fasterxml.jackson.databind.ser.DefaultSerializerProvider;
import java.lang.reflect.Field;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Empties the mapper's caches of types, serializers and deserializers. Jackson keeps every class it
 * has (de)serialized in them for good; after a module's endpoint is gone its classes — and through
 * them its class loader, every class of an uninstalled plugin — would stay reachable forever.
 */
public final class JacksonCaches {
    private JacksonCaches() {}

    public static void flush(ObjectMapper mapper) {
        mapper.getTypeFactory().clearCache();
        if (mapper.getSerializerProvider() instanceof DefaultSerializerProvider serializers) {
            serializers.flushCachedSerializers();
        }
        try {   // no public API for these two
            ((Map<?, ?>) field(ObjectMapper.class, "_rootDeserializers").get(mapper)).clear();
            ((DeserializerCache) field(DeserializationContext.class, "_cache").get(mapper.getDeserializationContext()))
                    .flushCachedDeserializers();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a newer Jackson renamed them: the module still goes, only its classes stay cached
            LoggerFactory.getLogger(JacksonCaches.class).warn("cannot flush Jackson's deserializer caches", e);
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }
}
