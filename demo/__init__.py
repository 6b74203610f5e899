"""The demo desk's two fictional news sites: the corpus of seeds/demo rendered as pages and feeds (`sites`) and
served on 127.0.0.1 (`server`), for `pantau demo`, the tests and the benchmarks. Nothing here is Pantau's
pipeline: it is the web the pipeline reads."""
