package com.partnersportal.identity;

import com.partnersportal.testsupport.PackageStructureContract;

class PackageStructureTest extends PackageStructureContract {
}
