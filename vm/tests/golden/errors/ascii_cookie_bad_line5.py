# coding: ascii



     Ã
