package dev.scimkit.benchmarks.load;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A data source that records the queries and updates the store executes, with their parameters, so
 * the scale run can {@code EXPLAIN} exactly the SQL a SCIM request ran rather than a copy of it.
 * Used only for the probe requests, on a second store over the same database: the measured requests
 * run without it.
 */
final class SqlRecorder {

    /** An executed statement: SQL text and the parameter values by position. */
    record Executed(String sql, List<Object> parameters) {
    }

    private final DataSource target;
    private final List<Executed> executed = new CopyOnWriteArrayList<>();

    SqlRecorder(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return proxy(DataSource.class, target, (method, args, result) ->
                result instanceof Connection c && method.getName().equals("getConnection") ? connection(c) : result);
    }

    /** What ran since the last call, and forget it. */
    List<Executed> drain() {
        List<Executed> out = new ArrayList<>(executed);
        executed.clear();
        return out;
    }

    private Connection connection(Connection c) {
        return proxy(Connection.class, c, (method, args, result) ->
                result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                        ? statement(ps, (String) args[0]) : result);
    }

    private PreparedStatement statement(PreparedStatement ps, String sql) {
        Map<Integer, Object> params = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                        params.put(i, args[1]);
                    } else if ((name.equals("executeQuery") || name.equals("executeUpdate") || name.equals("addBatch"))
                            && (args == null || args.length == 0)) {
                        executed.add(new Executed(sql, new ArrayList<>(params.values())));
                    }
                    return invoke(method, ps, args);
                });
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler h = (proxy, method, args) -> after.apply(method, args, invoke(method, target, args));
        return type.cast(Proxy.newProxyInstance(SqlRecorder.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
