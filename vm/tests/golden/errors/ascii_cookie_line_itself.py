# coding: ascii Ã
