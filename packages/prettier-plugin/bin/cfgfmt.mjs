#!/usr/bin/env node
import '../dist/cfgfmt.js';
