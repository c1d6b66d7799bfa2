#!/usr/bin/env bash
# Creates the throwaway virtual environment with the peer engines (measuring sticks, never product dependencies).
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -m venv .build-peers/venv
.build-peers/venv/bin/pip install --quiet tantivy==0.27.0 bm25s==0.3.16 PyStemmer numpy tokenizers==0.23.3
echo "peers installed in .build-peers/venv"
