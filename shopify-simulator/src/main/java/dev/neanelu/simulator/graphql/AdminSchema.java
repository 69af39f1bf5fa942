package dev.neanelu.simulator.graphql;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real Shopify Admin schema (2026-04 SDL, shipped as a resource) wired so that every field
 * resolves through {@link GqlObject}. Loading the 3.4 MB SDL takes a moment, so one immutable
 * instance is shared per JVM.
 */
public final class AdminSchema {

  /** The API version whose SDL this module ships. */
  public static final String VERSION = "2026-04";

  private static final String RESOURCE = "/shopify/admin-2026-04.graphql";
  private static volatile GraphQLSchema shared;

  private AdminSchema() {}

  /** Returns the shared schema, loading it on first use. */
  public static GraphQLSchema get() {
    GraphQLSchema schema = shared;
    if (schema == null) {
      synchronized (AdminSchema.class) {
        if (shared == null) {
          shared = load();
        }
        schema = shared;
      }
    }
    return schema;
  }

  private static GraphQLSchema load() {
    try (InputStream in = AdminSchema.class.getResourceAsStream(RESOURCE);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      TypeDefinitionRegistry registry = new SchemaParser().parse(reader);
      RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new Wiring()).build();
      return new SchemaGenerator().makeExecutableSchema(registry, wiring);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static final DataFetcher<Object> FETCHER =
      env -> {
        Object source = env.getSource();
        if (!(source instanceof GqlObject object)) {
          return null;
        }
        try {
          return object.get(env.getFieldDefinition().getName(), env.getArguments());
        } catch (ApiError e) {
          return DataFetcherResult.newResult()
              .error(
                  GraphqlErrorBuilder.newError(env)
                      .message(e.getMessage())
                      .extensions(e.extensions())
                      .build())
              .build();
        }
      };

  private static final TypeResolver TYPES =
      env -> {
        Object value = env.getObject();
        if (value instanceof GqlObject object) {
          return env.getSchema().getObjectType(object.typeName());
        }
        return (GraphQLObjectType) null;
      };

  /**
   * Resolves everything generically; the schema decides shape, {@link GqlObject}s provide values.
   */
  private static final class Wiring implements WiringFactory {

    @Override
    public boolean providesScalar(ScalarWiringEnvironment environment) {
      return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
    }

    @Override
    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
      return ShopifyScalars.scalar(environment.getScalarTypeDefinition().getName());
    }

    @Override
    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
      return true;
    }

    @Override
    public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
      return TYPES;
    }

    @Override
    public boolean providesTypeResolver(UnionWiringEnvironment environment) {
      return true;
    }

    @Override
    public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
      return TYPES;
    }

    @Override
    public boolean providesDataFetcher(FieldWiringEnvironment environment) {
      return true;
    }

    @Override
    public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
      return FETCHER;
    }
  }
}
