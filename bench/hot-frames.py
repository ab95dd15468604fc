"""Summarises the CPU samples of a JFR recording (jfr print --json --events jdk.ExecutionSample):
the methods on top of the stack (self time), and the libraries the samples' top frames belong to.
    jfr print --json --events jdk.ExecutionSample --stack-depth 64 rec.jfr | python3 bench/hot-frames.py [N]"""
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


def main():
    top_count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    events = json.load(sys.stdin)["recording"]["events"]
    methods, libraries, receiver = collections.Counter(), collections.Counter(), collections.Counter()
    for event in events:
        frames = event["values"]["stackTrace"]["frames"]
        if not frames:
            continue
        names = [f'{frame["method"]["type"]["name"].replace("/", ".")}.{frame["method"]["name"]}' for frame in frames]
        methods[names[0]] += 1
        libraries[library(names[0])] += 1
        own = next((name for name in names if name.startswith("health.mediquo.")), None)
        if own:
            receiver[own] += 1
    total = sum(methods.values())
    print(f"{total} CPU samples")
    for title, counter in (("self, by library", libraries), ("self, by method", methods),
                           ("innermost receiver frame (inclusive)", receiver)):
        print(f"\n{title}:")
        for name, count in counter.most_common(top_count):
            print(f"  {100 * count / total:5.1f} %  {name}")


main()
