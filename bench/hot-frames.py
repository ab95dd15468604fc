"""Summarises a JFR recording of the receiver under load: the CPU samples (jdk.ExecutionSample) by library and by
method on top of the stack (self time) and by innermost receiver frame (inclusive), and the time threads waited to
enter a contended monitor (jdk.JavaMonitorEnter) by the frame that waited and the lock's class.
    jfr print --json --events jdk.ExecutionSample,jdk.JavaMonitorEnter --stack-depth 64 rec.jfr \\
        | python3 bench/hot-frames.py [N] [--json]
With --json it prints the same figures as one JSON object (shares in %, waits in ms), for bench/run.sh."""
import collections
import json
import sys

LIBRARIES = [  # first match wins: (prefix of the class name, library)
    ("health.mediquo.", "receiver"), ("org.eclipse.persistence.", "EclipseLink"), ("org.h2.", "H2"),
    ("org.postgresql.", "PostgreSQL driver"), ("org.apache.activemq.", "ActiveMQ"), ("org.eclipse.yasson.", "Yasson"),
    ("org.glassfish.json.", "JSON-P"), ("org.eclipse.parsson.", "JSON-P"), ("org.glassfish.jersey.", "Jersey"),
    ("org.glassfish.grizzly.", "Grizzly"), ("org.jboss.weld.", "Weld"), ("com.sun.crypto.", "JDK crypto"),
    ("sun.security.", "JDK crypto"), ("javax.crypto.", "JDK crypto"), ("com.sun.enterprise.", "Payara"),
    ("fish.payara.", "Payara"), ("org.glassfish.", "GlassFish"), ("java.util.concurrent.", "java.util.concurrent"),
    ("java.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK"),
]


def library(frame_class):
    return next((name for prefix, name in LIBRARIES if frame_class.startswith(prefix)), "other")


def frame_names(event):
    trace = event["values"]["stackTrace"]
    frames = trace["frames"] if trace else []
    return [f'{frame["method"]["type"]["name"].replace("/", ".")}.{frame["method"]["name"]}' for frame in frames]


def seconds(duration):  # JFR's JSON writes durations as ISO-8601, e.g. "PT0.012345S"
    return float(duration[2:-1]) if duration.startswith("PT") and duration.endswith("S") else 0.0


def main():
    args = [arg for arg in sys.argv[1:] if arg != "--json"]
    top_count = int(args[0]) if args else 20
    events = json.load(sys.stdin)["recording"]["events"]
    methods, libraries, receiver, waits = (collections.Counter() for _ in range(4))
    for event in events:
        names = frame_names(event)
        if not names:
            continue
        if event["type"] == "jdk.JavaMonitorEnter":
            lock = event["values"]["monitorClass"]["name"].replace("/", ".")
            waits[f"{names[0]} on {lock}"] += seconds(event["values"]["duration"]) * 1000
            continue
        methods[names[0]] += 1
        libraries[library(names[0])] += 1
        own = next((name for name in names if name.startswith("health.mediquo.")), None)
        if own:
            receiver[own] += 1
    total = max(sum(methods.values()), 1)
    shares = {title: [[name, round(100 * count / total, 1)] for name, count in counter.most_common(top_count)]
              for title, counter in (("cpu_self_by_library", libraries), ("cpu_self_by_method", methods),
                                     ("cpu_by_innermost_receiver_frame", receiver))}
    monitor = [[name, round(ms)] for name, ms in waits.most_common(top_count)]
    if "--json" in sys.argv:
        print(json.dumps({"cpu_samples": sum(methods.values()), **shares, "monitor_wait_ms": monitor}))
        return
    print(f"{sum(methods.values())} CPU samples")
    for title, rows in shares.items():
        print(f"\n{title.replace('_', ' ')} (%):")
        for name, share in rows:
            print(f"  {share:5.1f}  {name}")
    print(f"\nmonitor waits, {round(sum(waits.values()))} ms in all (ms):")
    for name, ms in monitor:
        print(f"  {ms:7d}  {name}")


main()
